package org.socialbank.demo;

import java.util.List;
import org.socialbank.services.Branch;

/** The demo bank's branches and ATMs: one or two in each of its customers' cities. */
final class DemoBranches {

    static final List<Branch> ALL = List.of(
            new Branch("PAR-01", "socialbank Paris Opéra", "12 boulevard des Capucines, 75009 Paris", "Paris",
                    48.8707, 2.3316, "Mon–Fri 9:00–17:30, Sat 9:00–12:30", false),
            new Branch("PAR-02", "socialbank Paris Bastille", "4 rue de la Roquette, 75011 Paris", "Paris",
                    48.8535, 2.3720, "Mon–Fri 9:30–18:00", false),
            new Branch("PAR-ATM-01", "ATM Gare de Lyon", "Place Louis-Armand, 75012 Paris", "Paris",
                    48.8443, 2.3743, "", true),
            new Branch("BOM-01", "socialbank Mumbai Nariman Point", "Free Press Journal Marg, Nariman Point, "
                    + "Mumbai 400021", "Mumbai", 18.9256, 72.8242, "Mon–Sat 10:00–16:00", false),
            new Branch("MOW-01", "socialbank Москва Тверская", "ул. Тверская, 7, Москва", "Moscow",
                    55.7579, 37.6136, "Пн–Пт 9:00–19:00", false),
            new Branch("THR-01", "socialbank تهران ولیعصر", "خیابان ولیعصر، تهران", "Tehran",
                    35.7575, 51.4100, "شنبه تا چهارشنبه ۸:۰۰ تا ۱۴:۰۰", false),
            new Branch("SHA-01", "socialbank 上海外滩", "上海市黄浦区中山东一路20号", "Shanghai",
                    31.2400, 121.4900, "周一至周五 9:00–17:00", false));

    private DemoBranches() {
    }
}
