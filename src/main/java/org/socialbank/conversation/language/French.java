package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.FR;

/** French, without accents as the lexicon compares words ("transfère" is "transfere"). */
final class French {

    private French() {}

    static void into(Lexicon.Builder b) {
        b.intent(
                        FR,
                        Intent.PAY,
                        "envoie",
                        "envoies",
                        "envoyer",
                        "envoyez",
                        "envoi",
                        "paye",
                        "paie",
                        "payes",
                        "paies",
                        "payer",
                        "payez",
                        "vire",
                        "virer",
                        "virez",
                        "virement",
                        "transfère",
                        "transférer",
                        "transférez",
                        "transfert",
                        "rembourse",
                        "rembourser",
                        "remboursez",
                        "règle",
                        "régler",
                        "réglez",
                        "verse",
                        "verser",
                        "versez")
                .weak(FR, Intent.PAY, "donne", "donner", "donnez")
                .intent(
                        FR,
                        Intent.REQUEST,
                        "demande",
                        "demander",
                        "demandez",
                        "réclame",
                        "réclamer",
                        "réclamez",
                        "facture",
                        "facturer",
                        "me doit",
                        "demande de paiement")
                .intent(
                        FR,
                        Intent.SPLIT,
                        "partage",
                        "partager",
                        "partagez",
                        "divise",
                        "diviser",
                        "divisez",
                        "moitié moitié",
                        "faire moitié",
                        "fais moitié",
                        "partage l'addition",
                        "on partage")
                .intent(
                        FR,
                        Intent.BALANCE,
                        "solde",
                        "combien j'ai",
                        "combien il me reste",
                        "combien me reste",
                        "combien reste-t-il",
                        "combien ai-je",
                        "mon solde")
                .intent(
                        FR,
                        Intent.HISTORY,
                        "historique",
                        "opérations",
                        "relevé",
                        "transactions",
                        "dernières opérations",
                        "derniers paiements",
                        "mouvements",
                        "mes virements")
                .intent(
                        FR,
                        Intent.HELP,
                        "aide",
                        "aidez-moi",
                        "aide-moi",
                        "au secours",
                        "commandes",
                        "que sais-tu faire",
                        "menu")
                .intent(
                        FR,
                        Intent.BRANCHES,
                        "agence",
                        "agences",
                        "agence la plus proche",
                        "distributeur",
                        "distributeurs",
                        "dab",
                        "guichet",
                        "guichets")
                .intent(
                        FR,
                        Intent.SWEEP,
                        "rassembler mon argent",
                        "rapatrier mon argent",
                        "rapatrier",
                        "rassembler",
                        "mes autres banques",
                        "autres banques",
                        "autre banque",
                        "révoquer",
                        "revoquer")
                .intent(
                        FR,
                        Intent.APPOINTMENT,
                        "rendez-vous",
                        "rdv",
                        "prendre rendez-vous",
                        "prendre un rendez-vous",
                        "réserver un créneau",
                        "créneau")
                .weak(FR, Intent.BACK, "retour", "revenir", "précédent", "en arrière", "étape précédente")
                .weak(FR, Intent.HELP, "bonjour", "salut", "bonsoir", "coucou")
                .intent(
                        FR,
                        Intent.REQUESTS,
                        "mes demandes",
                        "mes demandes de paiement",
                        "demandes en cours",
                        "demandes en attente",
                        "mes demandes en cours",
                        "qui me doit",
                        "qui me doit de l'argent")
                .intent(
                        FR,
                        Intent.REMIND,
                        "relance",
                        "relancer",
                        "relancez",
                        "rappelle",
                        "rappeler",
                        "rappelez",
                        "envoie un rappel",
                        "rappel")
                .intent(FR, Intent.CANCEL_REQUEST, "retire ma demande", "retirer ma demande")
                .intent(
                        FR,
                        Intent.ACCOUNT,
                        "rib",
                        "mon rib",
                        "mon iban",
                        "numéro de compte",
                        "mon numéro de compte",
                        "coordonnées bancaires",
                        "mes coordonnées bancaires")
                .intent(
                        FR,
                        Intent.LIMITS,
                        "plafonds",
                        "plafond",
                        "mes plafonds",
                        "limites",
                        "mes limites",
                        "combien puis-je envoyer",
                        "combien je peux envoyer",
                        "plafond de paiement")
                .intent(
                        FR,
                        Intent.SPENDING,
                        "dépenses",
                        "mes dépenses",
                        "combien j'ai dépensé",
                        "j'ai dépensé",
                        "dépensé",
                        "qu'ai-je dépensé")
                .weak(FR, Intent.MORE, "suite", "la suite", "voir plus", "encore", "page suivante")
                .how(FR, "comment")
                .intent(
                        FR,
                        Intent.CANCEL,
                        "annule",
                        "annuler",
                        "annulez",
                        "annulation",
                        "laisse tomber",
                        "arrête",
                        "arrêter",
                        "stop")
                .intent(
                        FR,
                        Intent.LANGUAGE,
                        "langue",
                        "parle",
                        "parlez",
                        "passe en",
                        "passer en",
                        "changer de langue",
                        "change de langue",
                        "réponds en")
                .intent(
                        FR,
                        Intent.LINK,
                        "lier",
                        "lie",
                        "liez",
                        "relier",
                        "relie",
                        "associer",
                        "associe",
                        "connecter",
                        "connecte",
                        "lier mon compte")
                .intent(
                        FR,
                        Intent.UNLINK,
                        "délier",
                        "délie",
                        "dissocier",
                        "dissocie",
                        "déconnecter",
                        "déconnecte",
                        "supprimer le lien")
                .filler(
                        FR,
                        "à",
                        "au",
                        "aux",
                        "pour",
                        "de",
                        "du",
                        "des",
                        "mon",
                        "ma",
                        "mes",
                        "avec",
                        "et",
                        "il",
                        "te",
                        "plaît",
                        "vous",
                        "stp",
                        "svp",
                        "le",
                        "la",
                        "les",
                        "l",
                        "moi",
                        "entre",
                        "chacun",
                        "quel",
                        "quelle",
                        "est",
                        "j",
                        "ai",
                        "compte",
                        "argent",
                        "en",
                        "sur",
                        "d",
                        "un",
                        "une",
                        "je",
                        "veux",
                        "voudrais",
                        "s",
                        "me",
                        "maintenant",
                        "resto",
                        "loyer",
                        "dîner",
                        "tous",
                        "nous")
                .weak(FR, Intent.THANKS, "merci", "merci beaucoup", "merci bien", "mille mercis");
    }
}
