package fr.pilotectg.documents;

import java.util.Set;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.convention.StatutConvention;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Checks the request (format, options) and the right to read, then assembles and renders. Nothing is assembled
 * for a refused user or a bad request.
 */
@Service
class Documents {

    private final DocumentConvention convention;
    private final DocumentsDuPlan plan;
    private final DocumentsDEvaluation evaluation;
    private final DocumentExtraitCdsf cdsf;
    private final DocumentCopil copil;
    private final DocumentDeVersion version;
    private final ConventionService conventions;
    private final RenduDocx docx;
    private final RenduPdf pdf;

    Documents(DocumentConvention convention, DocumentsDuPlan plan, DocumentsDEvaluation evaluation, DocumentExtraitCdsf cdsf,
              DocumentCopil copil, DocumentDeVersion version, ConventionService conventions, RenduDocx docx, RenduPdf pdf) {
        this.version = version;
        this.copil = copil;
        this.cdsf = cdsf;
        this.convention = convention;
        this.evaluation = evaluation;
        this.plan = plan;
        this.conventions = conventions;
        this.docx = docx;
        this.pdf = pdf;
    }

    ResponseEntity<byte[]> convention(long id, String format, String annexes, Boolean versionDeTravail) {
        FormatDocument lu = FormatDocument.lire(format);
        Set<AnnexeConvention> choisies = AnnexeConvention.lire(annexes);
        var lue = conventions.convention(id);
        boolean filigrane = versionDeTravail != null ? versionDeTravail : avantSignature(lue.statut());
        Document document = convention.document(id, choisies, filigrane);
        return Telechargement.de(rendre(document, lu), lue.titre(), lu);
    }

    ResponseEntity<byte[]> version(long conventionId, int numero, String format) {
        FormatDocument lu = FormatDocument.lire(format);
        Document document = version.document(conventionId, numero);
        return Telechargement.de(rendre(document, lu), version.nom(conventionId, numero), lu);
    }

    ResponseEntity<byte[]> fiche(long ficheId, String format) {
        FormatDocument lu = FormatDocument.lire(format);
        Document document = plan.fiche(ficheId);
        return Telechargement.de(rendre(document, lu), plan.nomFiche(ficheId), lu);
    }

    ResponseEntity<byte[]> fiches(long conventionId, String format, String noeud) {
        FormatDocument lu = FormatDocument.lire(format);
        Long noeudId = DocumentsDuPlan.noeud(noeud);
        Document document = noeudId == null ? plan.fiches(conventionId) : plan.fichesDuNoeud(conventionId, noeudId);
        return Telechargement.de(rendre(document, lu), (noeudId == null ? "Fiches actions – " : document.titre() + " – ")
                + conventions.convention(conventionId).titre(), lu);
    }

    ResponseEntity<byte[]> programme(long conventionId, String format) {
        FormatDocument lu = FormatDocument.lire(format);
        Document document = plan.programme(conventionId);
        return Telechargement.de(rendre(document, lu), "Programme – " + conventions.convention(conventionId).titre(), lu);
    }

    ResponseEntity<byte[]> evaluation(long conventionId, int annee, String format) {
        FormatDocument lu = FormatDocument.lire(format);
        Document document = evaluation.grille(conventionId, annee);
        return Telechargement.de(rendre(document, lu), "Évaluation " + annee + " – " + document.sousTitre(), lu);
    }

    ResponseEntity<byte[]> bilan(long conventionId, String type, String format) {
        FormatDocument lu = FormatDocument.lire(format);
        Document document = evaluation.bilan(conventionId, DocumentsDEvaluation.typeBilan(type));
        return Telechargement.de(rendre(document, lu), document.titre() + " – " + document.sousTitre(), lu);
    }

    ResponseEntity<byte[]> extraitCdsf(long conventionId, String format) {
        FormatDocument lu = FormatDocument.lire(format);
        Document document = cdsf.extrait(conventionId);
        return Telechargement.de(rendre(document, lu), "Extrait CDSF – " + document.sousTitre(), lu);
    }

    ResponseEntity<byte[]> copil(long conventionId, String format, String depuis) {
        FormatDocument lu = FormatDocument.lire(format);
        java.time.LocalDate date = DocumentCopil.depuis(depuis);
        Document document = copil.pack(conventionId, date);
        return Telechargement.de(rendre(document, lu), "COPIL – " + document.sousTitre(), lu);
    }

    byte[] rendre(Document document, FormatDocument format) {
        return format == FormatDocument.DOCX ? docx.rendre(document) : pdf.rendre(document);
    }

    static boolean avantSignature(StatutConvention statut) {
        return statut.ordinal() < StatutConvention.SIGNEE.ordinal();
    }
}
