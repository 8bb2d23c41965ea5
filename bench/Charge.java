import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small bounded load client for bench/charge.sh (JDK only: {@code java bench/Charge.java ...}).
 * For each page: CLIENTS threads send GET requests one after the other with the session cookie, first during a
 * warm-up (not counted), then until the duration or the request count is reached, whichever comes first.
 * Prints requests per second, p50/p95/p99/max, errors (anything but a 200, or an I/O error) and the load average.
 * With the server's process id (system property {@code pid}, Linux), also the server's CPU time per request, user and
 * system, read from /proc: on a shared machine it varies much less than the times and the throughput.
 * Refuses any host but 127.0.0.1 / localhost: this is a load test of one's own machine.
 *
 * Arguments: BASE COOKIE CLIENTS DURATION_S MAX_REQUESTS WARMUP_S NAME=PATH...
 */
public class Charge {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--melange")) {
            Melange.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length < 7) {
            System.err.println("usage: java bench/Charge.java BASE COOKIE CLIENTS DURATION_S MAX_REQUESTS WARMUP_S NAME=PATH...");
            System.exit(2);
        }
        String base = args[0];
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            System.err.println("Charge : seule la boucle locale est autorisée (127.0.0.1), pas " + host);
            System.exit(2);
        }
        String cookie = args[1];
        int clients = Integer.parseInt(args[2]);
        int duree = Integer.parseInt(args[3]);
        int maximum = Integer.parseInt(args[4]);
        int chauffe = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String pid = System.getProperty("pid", "");
        System.out.printf(Locale.ROOT, "%-28s %-34s %7s %6s %8s %8s %8s %8s %8s %8s %8s  %s%n",
                "page", "path", "n", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "KB/resp", "CPU ms", "load 1/5 min");
        for (int i = 6; i < args.length; i++) {
            String nom = args[i].substring(0, args[i].indexOf('='));
            String chemin = args[i].substring(args[i].indexOf('=') + 1);
            HttpRequest requete = HttpRequest.newBuilder(URI.create(base + chemin))
                    .header("Cookie", cookie)
                    .header("Accept", "text/html")
                    .header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofSeconds(60))
                    .GET().build();
            if (chauffe > 0) {
                tirer(http, requete, clients, chauffe, Integer.MAX_VALUE);
            }
            String chargeAvant = chargeMoyenne();
            long cpuAvant = cpuServeur(pid);
            Resultat r = tirer(http, requete, clients, duree, maximum);
            long cpuApres = cpuServeur(pid);
            String chargeApres = chargeMoyenne();
            List<Long> t = r.durees;
            Collections.sort(t);
            int n = r.durees.size() + r.erreurs.get();
            String cpu = cpuAvant < 0 || cpuApres < 0 || n == 0 ? "?" : String.format(Locale.ROOT, "%.1f", (cpuApres - cpuAvant) * 10.0 / n);
            System.out.printf(Locale.ROOT, "%-28s %-34s %7d %6d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8s  %s -> %s%n",
                    nom, chemin, t.size(), r.erreurs.get(), t.size() / r.secondes,
                    ms(centile(t, 0.50)), ms(centile(t, 0.95)), ms(centile(t, 0.99)), ms(t.isEmpty() ? 0 : t.get(t.size() - 1)),
                    t.isEmpty() ? 0 : r.octets.get() / 1024.0 / t.size(), cpu, chargeAvant, chargeApres);
        }
    }

    record Resultat(List<Long> durees, AtomicInteger erreurs, AtomicLong octets, double secondes) {
    }

    /** CLIENTS threads, each sending one request after the other, until the deadline or the request budget. */
    static Resultat tirer(HttpClient http, HttpRequest requete, int clients, int duree, int maximum) throws InterruptedException {
        List<Long> durees = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger budget = new AtomicInteger(maximum);
        AtomicInteger erreurs = new AtomicInteger();
        AtomicLong octets = new AtomicLong();
        long debut = System.nanoTime();
        long fin = debut + TimeUnit.SECONDS.toNanos(duree);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < fin && budget.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> reponse = http.send(requete, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (reponse.statusCode() == 200) {
                            durees.add(t1 - t0);
                            octets.addAndGet(reponse.body().length);
                        } else {
                            erreurs.incrementAndGet();
                        }
                    } catch (Exception e) {
                        erreurs.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        // Bounded: a stuck request cannot keep the bench alive past the deadline plus the request timeout.
        if (!pool.awaitTermination(duree + 70L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double secondes = (System.nanoTime() - debut) / 1e9;
        return new Resultat(new ArrayList<>(durees), erreurs, octets, secondes);
    }

    static long centile(List<Long> triees, double q) {
        return triees.isEmpty() ? 0 : triees.get(Math.min(triees.size() - 1, (int) Math.round(q * (triees.size() - 1))));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** User + system CPU time of the process, in clock ticks (1/100 s on Linux), or -1 when unknown. */
    static long cpuServeur(String pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] champs = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(champs[11]) + Long.parseLong(champs[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    static String chargeMoyenne() {
        try {
            String[] champs = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return champs[0] + "/" + champs[1];
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * The realistic mix of issue 16 (bench/charge.sh with MELANGE=1): CLIENTS threads, each drawing its next request
     * from a seeded random sequence: 70 % GETs of convention pages, 20 % the portfolio or the home page, 10 % writes (a
     * follow-up point POSTed to the API with the session and its CSRF token). Bounded by DURATION_S and MAX_REQUESTS.
     * Success is any 2xx or 3xx (the home page of a user with nothing to do redirects). Prints, overall and by kind,
     * requests per second, p50/p95/p99/max and errors.
     *
     * Arguments: BASE COOKIE CSRF CLIENTS DURATION_S MAX_REQUESTS WARMUP_S READS HOME WRITES STATUT
     * where READS and HOME are comma-separated paths and WRITES comma-separated fiche ids.
     */
    static final class Melange {

        static void main(String[] args) throws Exception {
            String base = args[0];
            String host = URI.create(base).getHost();
            if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
                System.err.println("Charge : seule la boucle locale est autorisée (127.0.0.1), pas " + host);
                System.exit(2);
            }
            String cookie = args[1];
            String csrf = args[2];
            int clients = Integer.parseInt(args[3]);
            int duree = Integer.parseInt(args[4]);
            int maximum = Integer.parseInt(args[5]);
            int chauffe = Integer.parseInt(args[6]);
            String[] lectures = args[7].split(",");
            String[] accueil = args[8].split(",");
            String[] fiches = args[9].split(",");
            String statut = args[10];
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            java.util.function.BiFunction<java.util.Random, Integer, HttpRequest> tirage = (hasard, type) -> {
                if (type == 0) {
                    return get(base + lectures[hasard.nextInt(lectures.length)], cookie);
                }
                if (type == 1) {
                    return get(base + accueil[hasard.nextInt(accueil.length)], cookie);
                }
                String corps = "{\"statut\": \"" + statut + "\", \"avancement\": " + hasard.nextInt(101)
                        + ", \"datePoint\": \"" + java.time.LocalDate.now() + "\", \"miseEnOeuvre\": \"Point de charge\"}";
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/fiches/" + fiches[hasard.nextInt(fiches.length)] + "/suivi"))
                        .header("Cookie", cookie).header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(corps)).build();
            };
            if (chauffe > 0) {
                tirer(http, tirage, clients, chauffe, Integer.MAX_VALUE, 1);
            }
            String chargeAvant = chargeMoyenne();
            long cpuAvant = cpuServeur(System.getProperty("pid", ""));
            List<List<Long>> durees = new ArrayList<>();
            int[][] erreurs = new int[3][1];
            double secondes = tirer(http, tirage, clients, duree, maximum, 2, durees, erreurs);
            long cpuApres = cpuServeur(System.getProperty("pid", ""));
            String[] noms = {"lectures de conventions (70 %)", "portefeuille et accueil (20 %)", "écritures (10 %)"};
            System.out.printf(Locale.ROOT, "%-32s %7s %6s %8s %8s %8s %8s %8s%n", "mix, " + clients + " clients", "n", "errors", "req/s",
                    "p50 ms", "p95 ms", "p99 ms", "max ms");
            List<Long> toutes = new ArrayList<>();
            int toutesErreurs = 0;
            for (int k = 0; k < 3; k++) {
                List<Long> t = durees.get(k);
                toutes.addAll(t);
                toutesErreurs += erreurs[k][0];
                ligne(noms[k], t, erreurs[k][0], secondes);
            }
            ligne("total", toutes, toutesErreurs, secondes);
            int n = toutes.size() + toutesErreurs;
            System.out.printf(Locale.ROOT, "server CPU per request: %s ms; load average %s -> %s%n",
                    cpuAvant < 0 || n == 0 ? "?" : String.format(Locale.ROOT, "%.1f", (cpuApres - cpuAvant) * 10.0 / n),
                    chargeAvant, chargeMoyenne());
        }

        static HttpRequest get(String url, String cookie) {
            return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("Accept", "text/html")
                    .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(60)).GET().build();
        }

        static void ligne(String nom, List<Long> t, int erreurs, double secondes) {
            Collections.sort(t);
            System.out.printf(Locale.ROOT, "%-32s %7d %6d %8.1f %8.1f %8.1f %8.1f %8.1f%n", nom, t.size(), erreurs, t.size() / secondes,
                    ms(centile(t, 0.50)), ms(centile(t, 0.95)), ms(centile(t, 0.99)), ms(t.isEmpty() ? 0 : t.get(t.size() - 1)));
        }

        static double tirer(HttpClient http, java.util.function.BiFunction<java.util.Random, Integer, HttpRequest> tirage,
                            int clients, int duree, int maximum, int graine) throws InterruptedException {
            return tirer(http, tirage, clients, duree, maximum, graine, new ArrayList<>(), new int[3][1]);
        }

        /** Seeded per client: two runs draw the same sequence of requests. */
        static double tirer(HttpClient http, java.util.function.BiFunction<java.util.Random, Integer, HttpRequest> tirage,
                            int clients, int duree, int maximum, int graine, List<List<Long>> durees, int[][] erreurs)
                throws InterruptedException {
            for (int k = 0; k < 3; k++) {
                durees.add(Collections.synchronizedList(new ArrayList<>()));
            }
            AtomicInteger budget = new AtomicInteger(maximum);
            long debut = System.nanoTime();
            long fin = debut + TimeUnit.SECONDS.toNanos(duree);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                java.util.Random hasard = new java.util.Random(graine * 1000L + c);
                pool.execute(() -> {
                    while (System.nanoTime() < fin && budget.getAndDecrement() > 0) {
                        int tirageType = hasard.nextInt(10);
                        int type = tirageType < 7 ? 0 : tirageType < 9 ? 1 : 2;
                        HttpRequest requete = tirage.apply(hasard, type);
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> reponse = http.send(requete, HttpResponse.BodyHandlers.ofByteArray());
                            long t1 = System.nanoTime();
                            if (reponse.statusCode() >= 200 && reponse.statusCode() < 400) {
                                durees.get(type).add(t1 - t0);
                            } else {
                                synchronized (erreurs) {
                                    erreurs[type][0]++;
                                }
                            }
                        } catch (Exception e) {
                            synchronized (erreurs) {
                                erreurs[type][0]++;
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(duree + 70L, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            for (int k = 0; k < 3; k++) {
                durees.set(k, new ArrayList<>(durees.get(k)));
            }
            return (System.nanoTime() - debut) / 1e9;
        }
    }
}
