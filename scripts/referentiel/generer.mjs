// Génère le référentiel territorial de Pilote CTG à partir du paquet npm
// @etalab/decoupage-administratif (version figée dans package.json).
//
// Sortie (dans src/main/resources/referentiel/, ou le dossier passé en argument) :
//   departements.tsv.gz, epci.tsv.gz, communes.tsv.gz : TSV UTF-8 gzip, une ligne d'en-tête, triés par code
//   VERSION : nom@version du paquet ; l'application recharge le référentiel quand il change.
//
// Le résultat est déterministe : mêmes données en entrée => mêmes octets en sortie.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const PAQUET = '@etalab/decoupage-administratif';
const ici = dirname(fileURLToPath(import.meta.url));
const sortie = resolve(process.argv[2] ?? join(ici, '../../src/main/resources/referentiel'));

const require = createRequire(import.meta.url);
const racinePaquet = dirname(require.resolve(`${PAQUET}/package.json`));
const lire = (fichier) => JSON.parse(readFileSync(join(racinePaquet, 'data', `${fichier}.json`), 'utf8'));
const versionPaquet = JSON.parse(readFileSync(join(racinePaquet, 'package.json'), 'utf8')).version;

const regions = lire('regions');
const departements = lire('departements');
const epcis = lire('epci');
// Seules les communes actuelles : les communes déléguées / associées et les arrondissements
// municipaux n'ont pas d'existence administrative propre.
const communes = lire('communes').filter((c) => c.type === 'commune-actuelle');

const parCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const vide = (v) => (v === undefined || v === null ? '' : String(v));

function champ(valeur) {
  const texte = vide(valeur);
  if (/[\t\r\n]/.test(texte)) throw new Error(`Caractère interdit dans un champ : ${JSON.stringify(texte)}`);
  return texte;
}

function ecrireTsv(nom, entetes, lignes) {
  const texte = [entetes, ...lignes].map((l) => l.map(champ).join('\t')).join('\n') + '\n';
  const gz = gzipSync(Buffer.from(texte, 'utf8'), { level: 9 });
  writeFileSync(join(sortie, nom), gz);
  console.log(`${nom} : ${lignes.length} lignes, ${gz.length} octets (${Buffer.byteLength(texte)} non compressés)`);
}

// --- contrôles de cohérence : on préfère échouer que produire un référentiel douteux
const nomRegion = new Map(regions.map((r) => [r.code, r.nom]));
const communeParCode = new Map(communes.map((c) => [c.code, c]));
if (communeParCode.size !== communes.length) throw new Error('Codes INSEE de communes en double');
for (const d of departements) {
  if (!nomRegion.has(d.region)) throw new Error(`Région inconnue ${d.region} pour le département ${d.code}`);
}
const codesDepartements = new Set(departements.map((d) => d.code));
for (const c of communes) {
  if (!codesDepartements.has(c.departement)) throw new Error(`Département inconnu pour ${c.code}`);
}

// --- appartenance des communes aux EPCI (la donnée n'est portée que par les EPCI)
const epciDeCommune = new Map();
for (const e of epcis) {
  for (const m of e.membres) {
    if (!communeParCode.has(m.code)) throw new Error(`Membre ${m.code} de l'EPCI ${e.code} : commune inconnue`);
    if (epciDeCommune.has(m.code)) throw new Error(`Commune ${m.code} membre de deux EPCI`);
    epciDeCommune.set(m.code, e.code);
  }
}

// Le siège des EPCI n'est pas dans les données : on retient le département qui porte la plus
// grande part de la population municipale (un EPCI peut s'étendre sur plusieurs départements).
function departementsDeEpci(e) {
  const population = new Map();
  for (const m of e.membres) {
    const dep = communeParCode.get(m.code).departement;
    population.set(dep, (population.get(dep) ?? 0) + (m.populationMunicipale ?? 0));
  }
  const tous = [...population.keys()].sort();
  const principal = [...tous].sort((a, b) => population.get(b) - population.get(a) || (a < b ? -1 : 1))[0] ?? '';
  return { principal, tous };
}

mkdirSync(sortie, { recursive: true });

ecrireTsv(
  'departements.tsv.gz',
  ['code', 'nom', 'code_region', 'nom_region'],
  [...departements].sort(parCode).map((d) => [d.code, d.nom, d.region, nomRegion.get(d.region)]),
);

ecrireTsv(
  'epci.tsv.gz',
  ['siren', 'nom', 'type', 'code_departement', 'codes_departements', 'population', 'population_totale'],
  [...epcis].sort(parCode).map((e) => {
    const { principal, tous } = departementsDeEpci(e);
    return [e.code, e.nom, e.type, principal, tous.join(','), e.populationMunicipale, e.populationTotale];
  }),
);

ecrireTsv(
  'communes.tsv.gz',
  ['code_insee', 'nom', 'code_departement', 'siren_epci', 'population', 'codes_postaux'],
  [...communes].sort(parCode).map((c) => [
    c.code,
    c.nom,
    c.departement,
    epciDeCommune.get(c.code),
    c.population,
    [...new Set(c.codesPostaux ?? [])].sort().join(','),
  ]),
);

// Communes d'avant une fusion : communes déléguées (commune nouvelle) et communes associées (fusion-association),
// chacune avec la commune actuelle qui l'a absorbée (chefLieu). Une déléguée qui porte le nom de sa commune
// nouvelle n'apprend rien : elle est omise. Le paquet ne donne pas la date des fusions.
const plier = (nom) => nom.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const historiques = lire('communes')
  .filter((c) => c.type === 'commune-deleguee' || c.type === 'commune-associee')
  .filter((c) => {
    const actuelle = communeParCode.get(c.chefLieu);
    if (!actuelle) throw new Error(`Commune ${c.type} ${c.code} : commune de rattachement ${c.chefLieu} inconnue`);
    return plier(actuelle.nom) !== plier(c.nom);
  })
  .sort((a, b) => parCode(a, b) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.nom < b.nom ? -1 : 1));

ecrireTsv(
  'communes-historiques.tsv.gz',
  ['code_ancien', 'nom', 'nature', 'code_insee'],
  historiques.map((c) => [c.code, c.nom, c.type === 'commune-deleguee' ? 'DELEGUEE' : 'ASSOCIEE', c.chefLieu]),
);

const version = `${PAQUET}@${versionPaquet}`;
writeFileSync(join(sortie, 'VERSION'), version + '\n');
console.log(`VERSION : ${version}`);
console.log(`Référentiel écrit dans ${sortie}`);
