package fr.pilotectg.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares (a MockMvc request runs on the test's thread), so that a
 * test can assert a page uses the same number of statements on a small and on a larger data set (no N+1). The shared
 * test context wraps its data source in this one (see {@link ConfigurationDeTest}); nothing is counted outside
 * {@link #compter}, {@link #requetes} and {@link #lignes}.
 */
public final class CompteurDeRequetes extends DelegatingDataSource implements AutoCloseable {

    private static final Set<String> PREPARATIONS = Set.of("prepareStatement", "prepareCall", "createStatement");
    private static final ThreadLocal<int[]> COMPTE = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> TEXTES = new ThreadLocal<>();
    private static final ThreadLocal<int[]> LIGNES = new ThreadLocal<>();

    CompteurDeRequetes(DataSource cible) {
        super(cible);
    }

    /** The number of statements prepared by {@code action} on this thread. */
    public static int compter(Callable<?> action) throws Exception {
        int[] compte = {0};
        COMPTE.set(compte);
        try {
            action.call();
        } finally {
            COMPTE.remove();
        }
        return compte[0];
    }

    /** The SQL text of every statement prepared by {@code action} on this thread, in order ("" for a plain statement). */
    public static List<String> requetes(Callable<?> action) throws Exception {
        List<String> textes = new ArrayList<>();
        TEXTES.set(textes);
        try {
            action.call();
        } finally {
            TEXTES.remove();
        }
        return textes;
    }

    /**
     * The number of rows the statements prepared by {@code action} on this thread read ({@code ResultSet.next()} that
     * returned true): what a page fetches from the database, beside how many statements it runs.
     */
    public static int lignes(Callable<?> action) throws Exception {
        int[] lignes = {0};
        LIGNES.set(lignes);
        try {
            action.call();
        } finally {
            LIGNES.remove();
        }
        return lignes[0];
    }

    /** Closes the wrapped pool with the context, as the bean it replaces would have been. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable cible) {
            cible.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return compte(super.getConnection());
    }

    @Override
    public Connection getConnection(String utilisateur, String motDePasse) throws SQLException {
        return compte(super.getConnection(utilisateur, motDePasse));
    }

    private static Connection compte(Connection cible) {
        return (Connection) Proxy.newProxyInstance(CompteurDeRequetes.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, methode, arguments) -> {
                    int[] compte = COMPTE.get();
                    if (compte != null && PREPARATIONS.contains(methode.getName())) {
                        compte[0]++;
                    }
                    List<String> textes = TEXTES.get();
                    if (textes != null && PREPARATIONS.contains(methode.getName())) {
                        textes.add(arguments != null && arguments.length > 0 && arguments[0] instanceof String sql ? sql : "");
                    }
                    Object resultat = appeler(cible, methode, arguments);
                    int[] lignes = LIGNES.get();
                    return lignes != null && resultat instanceof Statement statement ? lignesLues(statement, lignes) : resultat;
                });
    }

    /** The statement, its result sets counting the rows read into {@code lignes}. */
    private static Object lignesLues(Statement cible, int[] lignes) {
        Class<?>[] types = cible instanceof CallableStatement ? new Class<?>[]{CallableStatement.class}
                : cible instanceof PreparedStatement ? new Class<?>[]{PreparedStatement.class} : new Class<?>[]{Statement.class};
        return Proxy.newProxyInstance(CompteurDeRequetes.class.getClassLoader(), types, (proxy, methode, arguments) -> {
            Object resultat = appeler(cible, methode, arguments);
            if (!(resultat instanceof ResultSet rs)) {
                return resultat;
            }
            return Proxy.newProxyInstance(CompteurDeRequetes.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                    (p, m, a) -> {
                        Object r = appeler(rs, m, a);
                        if (m.getName().equals("next") && Boolean.TRUE.equals(r)) {
                            lignes[0]++;
                        }
                        return r;
                    });
        });
    }

    private static Object appeler(Object cible, Method methode, Object[] arguments) throws Throwable {
        try {
            return methode.invoke(cible, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
