package com.carmutual.text2data.parse;

import java.util.regex.Pattern;

/** The constructions of an analytics question the parser understands, in English and Chinese. */
final class Constructions {
  private Constructions() {}

  static final String NUMWORD = "([0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|[一二两三四五六七八九十]+)";

  static final Pattern CONVERSION = Pattern.compile("\\b(conversion rates?|conversion|convert|converted|converting)\\b|转化率|转化");
  static final Pattern FUNNEL = Pattern.compile("\\bfunnel\\b|漏斗");
  static final Pattern STEP_ARROW = Pattern.compile("\\s*(?:->|→|=>|>|then|followed by|, then)\\s*|\\s*(?:→|到|再到|然后)\\s*");
  static final Pattern YOY = Pattern.compile(
      "\\b(year[- ]over[- ]year|year[- ]on[- ]year|yoy|vs\\.? (the )?(same period )?last year|compared (to|with) (the )?(same period )?(of )?last year|versus last year)\\b|同比|去年同期");
  static final Pattern POP = Pattern.compile(
      "\\b(month[- ]over[- ]month|mom|period[- ]over[- ]period|week[- ]over[- ]week|wow|quarter[- ]over[- ]quarter|qoq|day[- ]over[- ]day)\\b|环比");
  static final Pattern POP_UNIT = Pattern.compile("\\b(month|week|quarter|day)[- ]over[- ]|\\b(mom|wow|qoq)\\b");
  static final Pattern COMPARE_WORDS = Pattern.compile("\\b(vs\\.?|versus|compare|compared|comparison|against)\\b|对比|比较|相比|相较");
  static final Pattern SIDE_BY_SIDE = Pattern.compile(
      "\\b(vs\\.?|versus|compared? (?:to|with)|against|side by side|respectively|separately|each|one by one)\\b|对比|比较|相比|相较|分别|各自|各");
  static final Pattern CHANGE = Pattern.compile("\\b(growth rates?|change rates?|rates? of change|change|changes|changed|difference|delta|increase|decrease|growth|grew|grow|growing)\\b|增长率|变化率|增速|涨幅|变化|增减|增长|增幅|变动|差值|差额");
  /** "what percentage", "what %", 百分之几: a percentage (x 100); "share", 占比: a fraction. */
  static final Pattern PERCENT = Pattern.compile("\\b(percentage|percent|pct)\\b|%|百分比|百分之几|百分之多少");
  static final Pattern PER_ENTITY = Pattern.compile("(?:\\bper|\\bfor each|\\bfor every|每位|每个|每一位|人均|每)\\s*$");
  static final Pattern TOTAL_TOGETHER = Pattern.compile("\\b(combined|together|altogether|in total|overall|total of|sum of)\\b|合计|总共|一共|加起来|合起来|总计");
  static final Pattern CONJOINED = Pattern.compile("^\\s*(?:and|or|&|,|/|和|与|及|以及|、|跟|或)\\s*$");
  static final Pattern ACTIVE = Pattern.compile("\\b(active|engaged)\\b|活跃");
  static final Pattern SHARE = Pattern.compile("\\b(share|percentage|percent|proportion|fraction|what %|% of)\\b|占比|比例|百分比|比重|份额|占多少");
  static final Pattern TOP = Pattern.compile(
      "(?<![a-z])(?:top|first|best|leading|biggest|largest|highest)\\s*" + NUMWORD + "(?![0-9a-z])|\\b(?:list|show)(?: me)? the " + NUMWORD
          + "\\b|\\bthe " + NUMWORD + " (?:\\w+ ){0,3}with the (?:largest|highest|most|biggest|lowest|smallest|fewest|least)"
          + "|前" + NUMWORD + "(?:名|个|位|大)?|(?:最高|最多|最大|最低|最少|最小)的?" + NUMWORD + "(?:个|名|位|家)?|排名前" + NUMWORD
          + "|(?<![a-z])(?:bottom|lowest|smallest|fewest)\\s*" + NUMWORD + "(?![0-9a-z])"
          + "|\\bwhich " + NUMWORD + "\\b|\\b" + NUMWORD + " (?:highest|largest|biggest|most|best|top|lowest|smallest|fewest|least|worst|bottom)\\b"
          + "|哪" + NUMWORD + "(?:个|家|位|名)");
  static final Pattern BOTTOM = Pattern.compile("\\b(lowest|(?<!at )least|fewest|smallest|bottom|worst|shortest)\\b|最低|最少|最小|最短|倒数");
  static final Pattern SUPERLATIVE = Pattern.compile(
      "\\b(highest|(?<!at )most|largest|biggest|top|best|lowest|(?<!at )least|fewest|smallest|bottom|worst|leading|maximum|minimum|max|min|longest|shortest)\\b|最高|最多|最大|最低|最少|最小|最长|最短|最久|排名|排行|第一");
  static final Pattern FOLLOW_UP = Pattern.compile("^(and|what about|how about|same for|same but|now|also|then)\\b|^(那|那么|再|还有|换成|改成)|呢[?？]?$");
  static final Pattern UNKNOWN_BY = Pattern.compile(
      "\\b(?:by|per|for each|broken down by|break down by|split by|grouped by|group by)\\s+([a-z][a-z ]{1,30}?)(?=\\?|,|\\.|!|$| and | in | for | last | this | over | during | since | from | between )"
          + "|按([\\p{IsHan}a-z]{1,8}?)(?=统计|划分|分组|拆分|来看|看|的|分|，|,|$|\\?|？)");
  static final Pattern SINGULAR = Pattern.compile(
      "\\bwhich (?:\\w+ ){1,3}(?:has|had|is|was|saw|got|brought|made|did|generated|produced|sent|filed|received|paid)\\b|\\bwhich\\b|\\bwhat (?:\\w+ ){1,3}(?:has|had|is|was) the (?:highest|most|largest|lowest|fewest|least)\\b"
          + "|\\bthe \\w+ with the (?:most|highest|largest|biggest|lowest|fewest|least|smallest|longest|shortest)\\b"
          + "|哪个|哪一个|哪家|哪一家|哪位|哪一天|哪个月|哪一|哪|(?:最高|最多|最大|最低|最少|最小|最长|最短)的(?![0-9一二两三四五六七八九十])");
  static final Pattern AVERAGE = Pattern.compile("\\b(average|mean|avg)\\b|平均|均值|人均|单均|每笔平均");
  static final Pattern DISTINCT = Pattern.compile("\\b(distinct|unique|different|individual|separate)\\b|不同的?|去重|独立");
  static final Pattern COUNT_WORD = Pattern.compile(
      "\\b(how many|number of|count|counts|volume)\\b|多少笔|几笔|多少件|几件|多少单|几单|笔数|件数|单数|数量|多少个|多少次|几次|次数");
  static final Pattern AMOUNT_WORD = Pattern.compile("\\b(amount|amounts|money|sum|value)\\b|金额|多少钱|总额");
  static final Pattern CUMULATIVE = Pattern.compile("\\b(running total|running sum|cumulative|cumulatively|accumulated|to date running|cumulated)\\b|累计|累积|滚动累计");
  static final Pattern YEAR_TO_DATE_BASIS = Pattern.compile(
      "(?<![a-z])(?:ytd|year[- ]to[- ]date)(?![a-z])(?: basis)?|(?:从|自)?(?:1月1日|一月一日|年初|元旦)(?:起算|起|开始)?|\\bfrom (?:january 1(?:st)?|jan 1(?:st)?|the start of (?:the|each) year)\\b");
  static final Pattern DAY_OF_WEEK = Pattern.compile("\\b(day of (?:the )?week|days of (?:the )?week|weekday|weekdays|day-of-week)\\b|星期几|周几|礼拜几|星期分布");
  static final Pattern HOUR_OF_DAY = Pattern.compile("\\b(hour of (?:the )?day|hour|hours of (?:the )?day|hourly|time of day)\\b|几点|每小时|按小时|小时|时段");
  static final Pattern MONTH_OF_YEAR = Pattern.compile("\\b(month of (?:the )?year|calendar month|months of (?:the )?year)\\b|月份分布|几月份");
  /** "at least once", 至少一次: existence, which counting the entities or users already means. */
  static final Pattern EXISTENCE = Pattern.compile("(?<![a-z])(?:at least (?:one|once|1)|one or more|any)(?![0-9a-z])|至少[^，,。？?]{0,6}?一(?:次|笔|个|单)|一次以上|至少一");
  /** A duration between two dated events: "hours between submission and settlement", 从提交到关闭的时长. */
  static final Pattern DURATION = Pattern.compile(
      "\\b(?:days?|hours?|time|duration|how long|lead time|turnaround)\\s+(?:it takes\\s+|taken\\s+|needed\\s+)?(?:from|between)\\s+(?:the\\s+)?[a-z]+(?:\\s+date)?\\s+(?:to|and|until|till|through)\\s+(?:the\\s+)?(?:first\\s+)?[a-z]+"
          + "|从\\p{IsHan}{1,4}?到\\p{IsHan}{1,4}?的?(?:平均)?(?:天数|时长|时间|小时数|多少天|几天|用时|周期|间隔)");
  static final Pattern NEGATION_BEFORE = Pattern.compile("(?:\\b(?:not|non|excluding|exclude|except|other than|without|apart from|besides|but not|no)\\s*-?\\s*(?:(?:from|in|through|via|by|on|with|for)\\s+)?(?:the\\s+|a\\s+|an\\s+)?|不含|不包括|除了|除去|除|非|排除|不是|不算)$");
  static final Pattern NUMBER = Pattern.compile(
      "([0-9][0-9,]*(?:\\.[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred|[一二两三四五六七八九十百千万]+)\\s*(k|m|w|thousand|million|万|千|元|块|yuan|rmb|cny)?(?![a-z0-9])");
  static final Pattern THRESHOLD_BEFORE = Pattern.compile(
      "(?:\\b(more than|greater than|higher than|larger than|bigger than|over|above|exceeding|exceeds|exceeded|in excess of|at least|no less than|not less than|"
          + "less than|fewer than|lower than|smaller than|under|below|at most|no more than|not more than|up to)\\s*|(超过|大于|高于|多于|不少于|不低于|至少|少于|低于|小于|不足|不到|不超过|不高于|最多|达到|满))"
          + "(?:¥|\\$|rmb ?|cny ?)?$");
  static final Pattern THRESHOLD_AFTER = Pattern.compile("^\\s*(?:(or more|or above|or higher|and above|and up|plus|\\+|or less|or fewer|or below|and below|or under)\\b|(以上|及以上|或以上|以下|及以下|或以下|多|余))");
}
