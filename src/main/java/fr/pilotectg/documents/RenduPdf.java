package fr.pilotectg.documents;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a {@link Document} as a tagged PDF/UA-1 with openhtmltopdf: the Thymeleaf template
 * {@code documents/document.html} lays the same blocks as {@link RenduDocx} out in HTML, the DejaVu Sans
 * font shipped in the resources is embedded, the title and the language (French) are set.
 */
@Component
public class RenduPdf {

    private static final String POLICES = "documents/polices/";
    private static final String FAMILLE = "DejaVu Sans";

    private final ITemplateEngine gabarits;
    private final String css;

    RenduPdf(ITemplateEngine gabarits) {
        this.gabarits = gabarits;
        this.css = lire("documents/document.css");
        enregistrerPolicePourLesGraphiques();
    }

    public byte[] rendre(Document document) {
        Context contexte = new Context(Locale.FRANCE);
        contexte.setVariable("document", document);
        contexte.setVariable("css", css + fonds(document) + (document.filigrane() ? filigrane() : ""));
        contexte.setVariable("logo", Document.LOGO);
        contexte.setVariable("dessins", dessins(document));
        contexte.setVariable("vide", Document.Tableau.VIDE);
        String html = gabarits.process("documents/document", contexte);
        // Attribute names keep their case: the SVG of a page's chart has patternUnits, patternTransform (ADR 0046).
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html, "", Parser.htmlParser().settings(new ParseSettings(false, true))));
        try (ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            builder.useFont(() -> flux("DejaVuSans.ttf"), FAMILLE, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> flux("DejaVuSans-Bold.ttf"), FAMILLE, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withW3cDocument(dom, "about:blank");
            builder.toStream(sortie);
            builder.run();
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each figure's chart, drawn as SVG (vector paths in the PDF, ADR 0045). */
    private static Map<Document.Figure, DessinDeFigure> dessins(Document document) {
        Map<Document.Figure, DessinDeFigure> dessins = new IdentityHashMap<>();
        document.blocs().stream().filter(Document.Figure.class::isInstance).map(Document.Figure.class::cast)
                .forEach(figure -> dessins.put(figure, DessinDeFigure.de(figure)));
        return dessins;
    }

    /** One class per background colour of the document's tables (the grid's colour code), white bold text on it. */
    private static String fonds(Document document) {
        StringBuilder css = new StringBuilder();
        document.blocs().stream().filter(Document.Tableau.class::isInstance).map(Document.Tableau.class::cast)
                .flatMap(t -> t.fonds().stream()).flatMap(List::stream).filter(f -> f != null && f.matches("#[0-9a-fA-F]{6}"))
                .map(f -> f.toLowerCase(Locale.ROOT)).distinct()
                .forEach(f -> css.append("td.fond-").append(f.substring(1)).append(" { background: ").append(f)
                        .append("; color: #fff; font-weight: bold; }\n"));
        return css.toString();
    }

    private static String filigrane() {
        return "@page { @top-center { content: \"" + Document.FILIGRANE.toUpperCase(Locale.FRANCE)
                + "\"; font-family: \"DejaVu Sans\"; font-weight: bold; font-size: 10pt; color: #b00020; } }\n";
    }

    /**
     * Batik writes the SVG charts' labels with a Java font: the shipped DejaVu Sans is registered so that they do not
     * depend on the fonts of the machine (a server may have none).
     */
    private static void enregistrerPolicePourLesGraphiques() {
        try (InputStream in = flux("DejaVuSans.ttf")) {
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Police des graphiques illisible", e);
        }
    }

    private static InputStream flux(String police) {
        try {
            return new ClassPathResource(POLICES + police).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lire(String chemin) {
        try (InputStream in = new ClassPathResource(chemin).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
