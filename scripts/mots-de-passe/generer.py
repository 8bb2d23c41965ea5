#!/usr/bin/env python3
"""Builds src/main/resources/compte/mots-de-passe-courants.txt: common passwords of 12 characters or more
(shorter ones are refused by their length anyway), in lower case, one per line.

Made here from the patterns that leaked password lists show again and again (a common word or name, then
digits, a year or a symbol; keyboard rows; repeated characters; counting), with French words first since the
users are French. Nothing is fetched: run `python3 scripts/mots-de-passe/generer.py` to rebuild the file.
"""
import itertools
import pathlib

MOTS = """
password motdepasse motdepass passw0rd mot2passe azerty qwerty qwertz azertyuiop qwertyuiop admin administrateur
administrator root bonjour salut soleil doudou loulou chouchou nounours coucou bisous jetaime iloveyou loveyou
amour cheval chocolat princesse princess marseille paris lyon toulouse nantes bordeaux lille nice france
football foot olympique psg om liverpool arsenal chelsea barcelona realmadrid juventus dragon monkey shadow
master sunshine welcome bienvenue letmein trustno1 superman batman pokemon naruto starwars matrix
computer ordinateur internet secret secure security securite changeme changemoi default defaut test testing
essai demo utilisateur user login connexion caf caisse famille familles allocations ctg pilote pilotectg convention
mairie commune intercommunalite collectivite departement ardeche drome loire aubenas pilat baronnies
enfance jeunesse parentalite creche printemps ete automne hiver janvier fevrier mars avril mai juin juillet
aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche
nicolas julien thomas camille marie sophie nathalie isabelle sandrine stephanie celine christophe sebastien
frederic laurent olivier pierre jean michel philippe alexandre antoine maxime kevin lucas louis emma lea
chloe manon sarah julie pauline charlotte mathilde marine aurelie caroline audrey virginie emilie
michael jennifer jessica ashley daniel matthew andrew joshua william charlie harley hunter ranger buster
tigger ginger pepper summer winter spring autumn orange banana cookie cheese flower garden purple yellow
freedom whatever nothing hello hellohello abc abcdef abcdefgh azertyui qwertyui
""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "!!", "123!",
            "1234!", "01", "007", "69", "99", "00", "000", "2000", "2010", "2015", "2018", "2019", "2020", "2021",
            "2022", "2023", "2024", "2025", "2026", "2027", "2028", "@123", "@2024", "@2025", "@2026", "#1", "*",
            "_123", ".123", "-123", "2024!", "2025!", "2026!"]

PREFIXES = [""]

SEQUENCES = ["123456789012", "1234567890123", "12345678901234", "123456789123", "1234567891011", "12345678910",
             "123456123456", "123123123123", "121212121212", "123412341234", "098765432109", "987654321098",
             "azertyuiopqs", "azertyuiopqsdf", "azertyuiopqsdfghjklm", "qwertyuiopas", "qwertyuiopasdf",
             "qwertyuiopasdfghjkl", "qwertyuiop123", "azertyuiop123", "1q2w3e4r5t6y", "1qaz2wsx3edc",
             "qazwsxedcrfv", "zaq12wsxcde3", "1a2z3e4r5t6y", "a1z2e3r4t5y6", "abcdefghijkl", "abcdefghijklm",
             "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz", "azertyazerty", "qwertyqwerty", "passwordpassword",
             "motdepassemotdepasse", "aqwzsxedcrfv", "wxcvbnwxcvbn", "poiuytreza12", "mlkjhgfdsqaz"]


def generer():
    vus = set()
    for mot, suffixe, prefixe in itertools.product(MOTS, SUFFIXES, PREFIXES):
        vus.add(prefixe + mot + suffixe)
    for mot in MOTS:
        vus.add(mot + mot)
        vus.add(mot[::-1] + "123456")
    for a, b in itertools.combinations(["je", "t", "aime", "mon", "amour", "ma", "vie", "pour", "toujours"], 2):
        vus.add(a + b + "123456")
    for caractere in "0123456789abcdefghijklmnopqrstuvwxyz!*.":
        for longueur in range(12, 21):
            vus.add(caractere * longueur)
    vus.update(SEQUENCES)
    return sorted(m for m in vus if 12 <= len(m) <= 64)


if __name__ == "__main__":
    racine = pathlib.Path(__file__).resolve().parents[2]
    cible = racine / "src/main/resources/compte/mots-de-passe-courants.txt"
    cible.parent.mkdir(parents=True, exist_ok=True)
    mots = generer()
    cible.write_text("\n".join(mots) + "\n", encoding="utf-8")
    print(f"{len(mots)} mots de passe courants écrits dans {cible.relative_to(racine)}")
