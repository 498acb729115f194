package org.socialbank.conversation.dialogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a request for an appointment says besides "book": the place (a city of the bank's, in any
 * of the five languages), the day (today, tomorrow, the day after, a day of the week), the part of
 * the day and the service, as each language writes them ("demain matin", "завтра утром",
 * "فردا صبح", "明天上午"). Pure; the longest phrase is looked for first where one holds another.
 */
final class AppointmentWords {

    enum Part {
        MORNING,
        AFTERNOON,
        ANY;

        boolean holds(LocalTime time) {
            return this == ANY || (this == MORNING) == time.isBefore(LocalTime.NOON);
        }
    }

    /** @param daysAhead 0 today, 1 tomorrow, 2 the day after; null when a weekday or nothing was said */
    record Wish(Optional<String> city, Integer daysAhead, DayOfWeek weekday, Part part, Optional<String> service) {

        boolean namesDay() {
            return daysAhead != null || weekday != null;
        }

        /** The first day the customer asked for, counted from {@code today} in the branch's zone. */
        LocalDate firstDay(LocalDate today) {
            if (daysAhead != null) {
                return today.plusDays(daysAhead);
            }
            if (weekday != null) {
                return today.plusDays((weekday.getValue() - today.getDayOfWeek().getValue() + 7) % 7);
            }
            return today;
        }
    }

    /** The bank's cities as its branches table names them, by what each language calls them. */
    private static final Map<String, List<String>> CITIES = Map.of(
            "Paris", List.of("paris", "париж", "پاریس", "巴黎"),
            "Moscow", List.of("moscow", "moscou", "москв", "مسکو", "莫斯科"),
            "Tehran", List.of("tehran", "téhéran", "teheran", "тегеран", "تهران", "德黑兰"),
            "Shanghai", List.of("shanghai", "шанха", "شانگهای", "上海"),
            "Mumbai", List.of("mumbai", "bombay", "мумба", "بمبئی", "孟买"));

    private static final List<Map.Entry<String, Integer>> RELATIVE_DAYS = List.of(
            Map.entry("day after tomorrow", 2),
            Map.entry("après-demain", 2),
            Map.entry("apres-demain", 2),
            Map.entry("послезавтра", 2),
            Map.entry("پس فردا", 2),
            Map.entry("پس‌فردا", 2),
            Map.entry("后天", 2),
            Map.entry("tomorrow", 1),
            Map.entry("demain", 1),
            Map.entry("завтра", 1),
            Map.entry("فردا", 1),
            Map.entry("明天", 1),
            Map.entry("today", 0),
            Map.entry("aujourd'hui", 0),
            Map.entry("aujourd’hui", 0),
            Map.entry("сегодня", 0),
            Map.entry("امروز", 0),
            Map.entry("今天", 0));

    /** Longest first: Persian weekday names end in شنبه, "Saturday" itself. */
    private static final List<Map.Entry<String, DayOfWeek>> WEEKDAYS = List.of(
            Map.entry("پنجشنبه", DayOfWeek.THURSDAY),
            Map.entry("پنج‌شنبه", DayOfWeek.THURSDAY),
            Map.entry("چهارشنبه", DayOfWeek.WEDNESDAY),
            Map.entry("سه‌شنبه", DayOfWeek.TUESDAY),
            Map.entry("سه شنبه", DayOfWeek.TUESDAY),
            Map.entry("دوشنبه", DayOfWeek.MONDAY),
            Map.entry("یکشنبه", DayOfWeek.SUNDAY),
            Map.entry("جمعه", DayOfWeek.FRIDAY),
            Map.entry("شنبه", DayOfWeek.SATURDAY),
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY),
            Map.entry("понедельник", DayOfWeek.MONDAY),
            Map.entry("вторник", DayOfWeek.TUESDAY),
            Map.entry("среду", DayOfWeek.WEDNESDAY),
            Map.entry("среда", DayOfWeek.WEDNESDAY),
            Map.entry("четверг", DayOfWeek.THURSDAY),
            Map.entry("пятниц", DayOfWeek.FRIDAY),
            Map.entry("суббот", DayOfWeek.SATURDAY),
            Map.entry("воскресень", DayOfWeek.SUNDAY),
            Map.entry("星期一", DayOfWeek.MONDAY),
            Map.entry("星期二", DayOfWeek.TUESDAY),
            Map.entry("星期三", DayOfWeek.WEDNESDAY),
            Map.entry("星期四", DayOfWeek.THURSDAY),
            Map.entry("星期五", DayOfWeek.FRIDAY),
            Map.entry("星期六", DayOfWeek.SATURDAY),
            Map.entry("星期日", DayOfWeek.SUNDAY),
            Map.entry("星期天", DayOfWeek.SUNDAY),
            Map.entry("周一", DayOfWeek.MONDAY),
            Map.entry("周二", DayOfWeek.TUESDAY),
            Map.entry("周三", DayOfWeek.WEDNESDAY),
            Map.entry("周四", DayOfWeek.THURSDAY),
            Map.entry("周五", DayOfWeek.FRIDAY),
            Map.entry("周六", DayOfWeek.SATURDAY),
            Map.entry("周日", DayOfWeek.SUNDAY));

    private static final List<Map.Entry<String, Part>> PARTS = List.of(
            Map.entry("afternoon", Part.AFTERNOON),
            Map.entry("evening", Part.AFTERNOON),
            Map.entry("morning", Part.MORNING),
            Map.entry("après-midi", Part.AFTERNOON),
            Map.entry("apres-midi", Part.AFTERNOON),
            Map.entry("soir", Part.AFTERNOON),
            Map.entry("matin", Part.MORNING),
            Map.entry("после обеда", Part.AFTERNOON),
            Map.entry("днём", Part.AFTERNOON),
            Map.entry("днем", Part.AFTERNOON),
            Map.entry("вечер", Part.AFTERNOON),
            Map.entry("утром", Part.MORNING),
            Map.entry("утро", Part.MORNING),
            Map.entry("с утра", Part.MORNING),
            Map.entry("بعدازظهر", Part.AFTERNOON),
            Map.entry("بعد از ظهر", Part.AFTERNOON),
            Map.entry("بعد‌ازظهر", Part.AFTERNOON),
            Map.entry("عصر", Part.AFTERNOON),
            Map.entry("صبح", Part.MORNING),
            Map.entry("下午", Part.AFTERNOON),
            Map.entry("晚上", Part.AFTERNOON),
            Map.entry("上午", Part.MORNING),
            Map.entry("早上", Part.MORNING));

    private static final List<Map.Entry<String, String>> SERVICES = List.of(
            Map.entry("mortgage", "mortgage"),
            Map.entry("home loan", "mortgage"),
            Map.entry("prêt immobilier", "mortgage"),
            Map.entry("crédit immobilier", "mortgage"),
            Map.entry("hypothèque", "mortgage"),
            Map.entry("ипотек", "mortgage"),
            Map.entry("وام مسکن", "mortgage"),
            Map.entry("رهن", "mortgage"),
            Map.entry("房贷", "mortgage"),
            Map.entry("房屋贷款", "mortgage"),
            Map.entry("按揭", "mortgage"),
            Map.entry("open an account", "account_opening"),
            Map.entry("account opening", "account_opening"),
            Map.entry("new account", "account_opening"),
            Map.entry("ouvrir un compte", "account_opening"),
            Map.entry("ouverture de compte", "account_opening"),
            Map.entry("открыть счёт", "account_opening"),
            Map.entry("открыть счет", "account_opening"),
            Map.entry("открытие сч", "account_opening"),
            Map.entry("افتتاح حساب", "account_opening"),
            Map.entry("开户", "account_opening"),
            Map.entry("card", "cards"),
            Map.entry("carte", "cards"),
            Map.entry("карт", "cards"),
            Map.entry("کارت", "cards"),
            Map.entry("银行卡", "cards"),
            Map.entry("信用卡", "cards"),
            Map.entry("办卡", "cards"),
            Map.entry("cash", "cash"),
            Map.entry("espèces", "cash"),
            Map.entry("liquide", "cash"),
            Map.entry("наличн", "cash"),
            Map.entry("پول نقد", "cash"),
            Map.entry("نقد", "cash"),
            Map.entry("现金", "cash"),
            Map.entry("取现", "cash"),
            Map.entry("advice", "consultation"),
            Map.entry("consultation", "consultation"),
            Map.entry("conseil", "consultation"),
            Map.entry("консультац", "consultation"),
            Map.entry("مشاوره", "consultation"),
            Map.entry("咨询", "consultation"));

    private AppointmentWords() {}

    static Wish read(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        Optional<String> city = CITIES.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(t::contains))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
        Integer days = first(t, RELATIVE_DAYS).orElse(null);
        DayOfWeek weekday = days == null ? first(t, WEEKDAYS).orElse(null) : null;
        return new Wish(city, days, weekday, first(t, PARTS).orElse(Part.ANY), first(t, SERVICES));
    }

    private static <T> Optional<T> first(String text, List<Map.Entry<String, T>> phrases) {
        return phrases.stream()
                .filter(e -> text.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
