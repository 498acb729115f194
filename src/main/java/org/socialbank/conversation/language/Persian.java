package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.FA;

import java.math.BigDecimal;
import org.socialbank.shared.Language;

/**
 * Persian, written with Persian letters (Arabic yeh and kaf are folded to them) and without the
 * zero-width non-joiner ("تراکنش‌ها" is "تراکنشها"). The verb comes last: "... به علی بفرست".
 */
final class Persian {

    private Persian() {}

    static void into(Lexicon.Builder b) {
        b.intent(
                        FA,
                        Intent.PAY,
                        "بفرست",
                        "بفرستید",
                        "بفرستم",
                        "ارسال",
                        "ارسال کن",
                        "واریز",
                        "واریز کن",
                        "کارت به کارت",
                        "انتقال",
                        "انتقال بده",
                        "انتقال وجه",
                        "پرداخت",
                        "پرداخت کن",
                        "بپرداز",
                        "بریز",
                        "پول بفرست")
                .weak(FA, Intent.PAY, "بده", "بدهید", "بدید")
                .intent(
                        FA,
                        Intent.REQUEST,
                        "درخواست",
                        "درخواست کن",
                        "درخواست پول",
                        "درخواست وجه",
                        "بخواه",
                        "طلب",
                        "طلب کن",
                        "بگیر")
                .intent(FA, Intent.SPLIT, "تقسیم", "تقسیم کن", "دنگ", "دنگی", "نصف", "نصف کن", "سهم")
                .intent(
                        FA,
                        Intent.BALANCE,
                        "موجودی",
                        "موجودیم",
                        "مانده",
                        "مانده حساب",
                        "مانده‌ی حساب",
                        "موجودی حساب",
                        "چقدر پول دارم",
                        "چقدر دارم",
                        "چه قدر پول دارم")
                .intent(
                        FA,
                        Intent.HISTORY,
                        "تاریخچه",
                        "گردش حساب",
                        "گردش",
                        "تراکنش",
                        "تراکنش‌ها",
                        "تراکنش ها",
                        "صورتحساب",
                        "صورت حساب",
                        "ریز تراکنش",
                        "سابقه")
                .intent(FA, Intent.HELP, "راهنما", "راهنمایی", "کمک", "دستورات", "منو")
                .intent(
                        FA,
                        Intent.BRANCHES,
                        "شعبه",
                        "شعب",
                        "شعبه ها",
                        "شعبه‌ها",
                        "شعبه های",
                        "شعبه‌های",
                        "نزدیکترین شعبه",
                        "نزدیک‌ترین شعبه",
                        "خودپرداز",
                        "عابر بانک")
                .intent(
                        FA,
                        Intent.SWEEP,
                        "جمع‌آوری پول",
                        "جمع آوری پول",
                        "انتقال از بانک دیگر",
                        "بانک دیگر",
                        "بانک‌های دیگر",
                        "بانکهای دیگر",
                        "لغو مجوز",
                        "ابطال مجوز")
                .intent(
                        FA,
                        Intent.APPOINTMENT,
                        "نوبت",
                        "نوبت بگیر",
                        "نوبت بگیرم",
                        "گرفتن نوبت",
                        "رزرو نوبت",
                        "وقت ملاقات",
                        "وقت بگیرم")
                .weak(FA, Intent.BACK, "برگشت", "بازگشت", "قبلی", "عقب", "مرحله قبل")
                .weak(FA, Intent.HELP, "سلام", "درود")
                .weak(FA, Intent.THANKS, "ممنون", "ممنونم", "مرسی", "متشکرم", "سپاس", "سپاسگزارم", "خیلی ممنون")
                .intent(
                        FA,
                        Intent.REQUESTS,
                        "درخواست‌های من",
                        "درخواست های من",
                        "درخواست‌هایم",
                        "درخواست های باز",
                        "درخواست‌های باز",
                        "درخواستم",
                        "کی به من بدهکار است")
                .intent(FA, Intent.REMIND, "یادآوری", "یادآوری کن", "یادآوری کنید", "یادآوری بفرست", "یادش بنداز")
                .intent(
                        FA,
                        Intent.ACCOUNT,
                        "شماره حساب",
                        "شماره حسابم",
                        "شماره حساب من",
                        "شبا",
                        "شماره شبا",
                        "شماره شبای من",
                        "شماره شبام")
                .intent(
                        FA,
                        Intent.LIMITS,
                        "سقف",
                        "سقف انتقال",
                        "سقف پرداخت",
                        "سقف روزانه",
                        "سقف تراکنش",
                        "سقف‌های من",
                        "سقف های من",
                        "محدودیت",
                        "محدودیت‌ها",
                        "محدودیت های من",
                        "محدودیت‌های من")
                .intent(
                        FA,
                        Intent.SPENDING,
                        "هزینه",
                        "هزینه‌ها",
                        "هزینه های من",
                        "هزینه‌های من",
                        "هزینه‌هایم",
                        "خرج",
                        "خرج کردم",
                        "چقدر خرج کردم",
                        "مخارج",
                        "مخارج من")
                .weak(FA, Intent.MORE, "بیشتر", "ادامه", "بعدی", "صفحه بعد", "بیشتر نشان بده")
                .how(FA, "چطور", "چگونه", "چطوری", "چجوری")
                .intent(FA, Intent.CANCEL, "لغو", "لغو کن", "انصراف", "کنسل", "بیخیال", "ولش کن", "منصرف شدم")
                .intent(FA, Intent.LANGUAGE, "زبان", "تغییر زبان", "صحبت کن", "حرف بزن")
                .intent(FA, Intent.LINK, "اتصال", "وصل", "وصل کن", "پیوند", "متصل", "متصل کن", "اتصال حساب")
                .intent(FA, Intent.UNLINK, "قطع اتصال", "لغو اتصال", "جدا کن", "حذف اتصال", "قطع", "قطع کن")
                .filler(
                        FA, "به", "از", "برای", "با", "و", "رو", "را", "من", "لطفا", "لطفاً", "بین", "حساب", "پول",
                        "کن", "بکن", "هر", "نفر", "میخواهم", "میخوام", "چقدر", "است", "چیه", "شماره", "تا", "همه",
                        "هر دو", "الان", "شام", "ناهار", "اجاره", "دوست")
                .currency("IRR", FA, "ریال")
                .unit("IRR", BigDecimal.TEN, FA, "تومان", "تومن")
                .unitNextToNumber("IRR", BigDecimal.TEN, FA, "ت")
                .currency("EUR", FA, "یورو")
                .currency("USD", FA, "دلار")
                .currency("RUB", FA, "روبل")
                .currency("INR", FA, "روپیه")
                .currency("CNY", FA, "یوان")
                .currency("GBP", FA, "پوند")
                .currency("AED", FA, "درهم")
                .multiplier(1_000, FA, "هزار")
                .multiplier(1_000_000, FA, "میلیون", "ملیون")
                .multiplier(1_000_000_000, FA, "میلیارد")
                .languageName(Language.EN, FA, "انگلیسی")
                .languageName(Language.FR, FA, "فرانسوی")
                .languageName(Language.RU, FA, "روسی")
                .languageName(Language.FA, FA, "فارسی", "پارسی")
                .languageName(Language.ZH, FA, "چینی");
    }
}
