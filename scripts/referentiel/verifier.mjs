// Relit les fichiers générés et affiche quelques faits connus (contrôle après régénération).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ici = dirname(fileURLToPath(import.meta.url));
const dossier = resolve(process.argv[2] ?? join(ici, '../../src/main/resources/referentiel'));

function lireTsv(nom) {
  const [entete, ...lignes] = gunzipSync(readFileSync(join(dossier, nom))).toString('utf8').trimEnd().split('\n');
  const colonnes = entete.split('\t');
  return lignes.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [colonnes[i], v])));
}

const communes = lireTsv('communes.tsv.gz');
const epcis = lireTsv('epci.tsv.gz');
const departements = lireTsv('departements.tsv.gz');
let erreurs = 0;
const verifier = (libelle, obtenu, attendu) => {
  const ok = obtenu === attendu;
  if (!ok) erreurs++;
  console.log(`${ok ? 'OK ' : 'KO '} ${libelle} : ${obtenu}${ok ? '' : ` (attendu ${attendu})`}`);
};

const membres = (nom, dep) => {
  const e = epcis.find((x) => x.nom === nom && x.code_departement === dep);
  return { epci: e, communes: communes.filter((c) => c.siren_epci === e?.siren) };
};

console.log(`VERSION : ${readFileSync(join(dossier, 'VERSION'), 'utf8').trim()}`);
console.log(`${departements.length} départements, ${epcis.length} EPCI`);
verifier('communes actuelles', communes.length, 34969);
const aubenas = membres("CC du Bassin d'Aubenas", '07');
verifier("communes de la CC du Bassin d'Aubenas (07)", aubenas.communes.length, 28);
console.log(`     population CC du Bassin d'Aubenas : municipale ${aubenas.epci.population}, totale ${aubenas.epci.population_totale}, `
  + `somme des communes ${aubenas.communes.reduce((s, c) => s + Number(c.population || 0), 0)}`);
verifier('communes de la CC des Monts du Pilat (42)', membres('CC des Monts du Pilat', '42').communes.length, 16);
verifier('code de Vals-les-Bains', communes.find((c) => c.nom === 'Vals-les-Bains')?.code_insee, '07331');
process.exitCode = erreurs ? 1 : 0;
