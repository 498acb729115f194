package org.socialbank.conversation.language;

import static org.socialbank.shared.Language.ZH;

import java.math.BigDecimal;
import org.socialbank.shared.Language;

/**
 * Chinese (simplified), written without spaces: these words also cut the text, the longest one
 * first ("转账记录" is history, not 转账 + 记录). Numerals are read by {@link ChineseNumerals}.
 */
final class Chinese {

    private Chinese() {}

    static void into(Lexicon.Builder b) {
        b.intent(ZH, Intent.PAY, "转账", "转", "转给", "付", "付款", "支付", "打款", "汇款", "打钱", "转钱", "付钱", "发钱", "还钱")
                .intent(ZH, Intent.REQUEST, "收款", "要钱", "请求", "催款", "收钱", "讨钱", "请款")
                .weak(ZH, Intent.REQUEST, "要", "收")
                .intent(null, Intent.SPLIT, "AA")
                .intent(ZH, Intent.SPLIT, "AA制", "平摊", "均摊", "分摊", "分账", "平分", "拆账")
                .intent(ZH, Intent.BALANCE, "余额", "查余额", "还有多少钱", "账户余额", "剩多少钱", "有多少钱")
                .intent(ZH, Intent.HISTORY, "账单", "记录", "交易记录", "明细", "流水", "账户明细", "历史", "转账记录", "交易", "最近交易")
                .intent(ZH, Intent.HELP, "帮助", "帮忙", "怎么用", "使用说明", "菜单", "功能")
                .intent(ZH, Intent.BRANCHES, "网点", "营业厅", "支行", "分行", "取款机", "自动取款机", "附近网点", "最近的网点")
                .intent(ZH, Intent.SWEEP, "资金归集", "归集", "跨行归集", "其他银行", "他行", "撤销授权", "解除授权")
                .intent(ZH, Intent.APPOINTMENT, "预约", "预约办理", "网点预约", "预约网点", "约个时间", "排号")
                .weak(ZH, Intent.BACK, "返回", "上一步", "后退", "退回")
                .weak(ZH, Intent.HELP, "你好", "您好", "嗨")
                .weak(ZH, Intent.THANKS, "谢谢", "多谢", "谢了", "感谢", "谢谢你", "谢谢您")
                .intent(ZH, Intent.REQUESTS, "我的请求", "我的收款", "我的收款请求", "收款请求", "待收款", "谁欠我钱", "谁欠我")
                .intent(ZH, Intent.REMIND, "提醒", "催一下", "催促", "催他", "催她")
                .intent(ZH, Intent.CANCEL_REQUEST, "撤回请求", "撤回收款")
                .intent(ZH, Intent.ACCOUNT, "账号", "我的账号", "银行账号", "账户号码", "收款账号", "账户信息")
                .intent(ZH, Intent.LIMITS, "限额", "我的限额", "转账限额", "支付限额", "每日限额", "单笔限额", "还能转多少")
                .intent(ZH, Intent.SPENDING, "消费", "支出", "花了多少", "花了多少钱", "我花了多少", "本月支出", "本月消费", "开销", "花销")
                .weak(ZH, Intent.MORE, "更多", "下一页", "继续", "再看", "还有吗")
                .how(ZH, "怎么", "如何", "怎样")
                .intent(ZH, Intent.CANCEL, "取消", "算了", "不要了", "撤销", "停止")
                .intent(ZH, Intent.LANGUAGE, "语言", "切换语言", "切换到", "切换", "换成")
                .weak(ZH, Intent.LANGUAGE, "说", "讲")
                .intent(ZH, Intent.LINK, "绑定", "关联", "绑定账户", "绑定账号")
                .intent(ZH, Intent.UNLINK, "解绑", "解除绑定", "取消绑定", "取消关联", "解除关联")
                .filler(
                        ZH, "给", "向", "从", "我", "的", "和", "跟", "请", "帮", "帮我", "一下", "一共", "一起", "每人", "人", "吧", "了",
                        "查", "看看", "查询", "我的", "是", "多少", "钱", "个", "们", "我们", "一个", "把", "到", "对", "他", "她", "下", "晚饭",
                        "午饭", "房租", "朋友", "用于", "为了")
                // words that begin with 一 but count nothing ("转账一直在处理中" names no amount), and 怎么
                // as "why", not "how to" ("转账怎么还没到", "是怎么回事"; not 怎么还 alone: 怎么还钱 is how to repay)
                .filler(ZH, "一直", "一样", "一些", "一般", "一定", "一旦", "一切", "一天", "一会", "一会儿", "一遍", "统一", "唯一", "第一")
                .filler(ZH, "第一次", "怎么回事", "怎么了", "怎么还没", "怎么还是", "怎么没", "怎么又")
                // 要 as "want" or "need", not "ask for money": "我要销户" is closing the account, not a request
                // (session 19); "向@carol要20元" and "要钱" still request
                .filler(ZH, "我要", "我想要", "想要", "需要", "要不要", "还要", "只要", "重要", "主要", "要多久", "要几天")
                .currency("CNY", ZH, "元", "块", "块钱", "人民币", "圆")
                .unit("CNY", new BigDecimal("0.1"), ZH, "毛", "角")
                .cents("CNY", ZH, "分")
                .currency("EUR", ZH, "欧元")
                .currency("USD", ZH, "美元", "美金")
                .currency("RUB", ZH, "卢布")
                .currency("INR", ZH, "卢比")
                .currency("IRR", ZH, "里亚尔")
                .unit("IRR", BigDecimal.TEN, ZH, "土曼")
                .currency("GBP", ZH, "英镑")
                .currency("JPY", ZH, "日元")
                .languageName(Language.EN, ZH, "英文", "英语")
                .languageName(Language.FR, ZH, "法语", "法文")
                .languageName(Language.RU, ZH, "俄语", "俄文")
                .languageName(Language.FA, ZH, "波斯语", "波斯文")
                .languageName(Language.ZH, ZH, "中文", "汉语", "普通话", "华语");
    }
}
