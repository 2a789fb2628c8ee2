package com.carmutual.phone.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.carmutual.phone.script.Scripts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phrasings beyond the dev conversations, in both languages, each read for one expected slot with
 * the call on Wednesday 2025-06-18. Expected: the slots filled as {@code slot=value;...}, {@code -}
 * for nothing, and {@code slot=null} for an explicit "don't know".
 */
class DeterministicExtractorTest {
  static final Scripts SCRIPTS = new Scripts();
  final DeterministicExtractor extractor = new DeterministicExtractor();

  @ParameterizedTest(name = "{0}.{1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      fnol | member_id | M 1 2 3 4 5 6 | member_id=M123456
      fnol | member_id | my member number is M one two three four five six | member_id=M123456
      fnol | member_id | em double five six seven eight nine | member_id=M556789
      fnol | member_id | M as in Mike four five six seven eight nine | member_id=M456789
      fnol | member_id | M幺二三四五六 | member_id=M123456
      fnol | caller_name | My name is Sarah Connor | caller_name=Sarah Connor
      fnol | caller_name | 我叫王小明 | caller_name=王小明
      fnol | loss_date | two days ago | loss_date=2025-06-16
      fnol | loss_date | the day before yesterday | loss_date=2025-06-16
      fnol | loss_date | last Monday | loss_date=2025-06-16
      fnol | loss_date | on Saturday | loss_date=2025-06-14
      fnol | loss_date | June 3rd | loss_date=2025-06-03
      fnol | loss_date | the third of June | loss_date=2025-06-03
      fnol | loss_date | December 28th | loss_date=2024-12-28
      fnol | loss_date | last night around 11 | loss_date=2025-06-17;loss_time=23:00
      fnol | loss_date | Monday afternoon at 3 | loss_date=2025-06-16;loss_time=15:00
      fnol | loss_date | yesterday at half past four at the Shell station | loss_date=2025-06-17;loss_location=the Shell station;loss_time=16:30
      fnol | loss_date | 昨天下午三点 | loss_date=2025-06-17;loss_time=15:00
      fnol | loss_date | 上个星期三 | loss_date=2025-06-11
      fnol | loss_date | 三天前 | loss_date=2025-06-15
      fnol | loss_date | 六月十号 | loss_date=2025-06-10
      fnol | loss_date | 6月10日早上八点在人民路 | loss_date=2025-06-10;loss_location=人民路;loss_time=08:00
      fnol | loss_date | 上周日 | loss_date=2025-06-15
      fnol | loss_time | around 3 in the afternoon | loss_time=15:00
      fnol | loss_time | 8:45 in the morning | loss_time=08:45
      fnol | loss_time | noon | loss_time=12:00
      fnol | loss_time | 10 pm | loss_time=22:00
      fnol | loss_time | quarter to six in the evening | loss_time=17:45
      fnol | loss_time | seven o'clock in the evening | loss_time=19:00
      fnol | loss_time | not sure | loss_time=null
      fnol | loss_time | 下午两点半 | loss_time=14:30
      fnol | loss_time | 晚上十点左右 | loss_time=22:00
      fnol | loss_time | 忘了 | loss_time=null
      fnol | injuries | No, nobody was hurt | injuries=false
      fnol | injuries | My neck hurts | injuries=true
      fnol | injuries | 我腿受伤了 | injuries=true
      fnol | injuries | 都没事 | injuries=false
      fnol | injuries | I'm fine | injuries=false
      fnol | injuries | Just a few bruises | injuries=true
      fnol | injuries | No, I'm not hurt | injuries=false
      fnol | police_report | I reported it online | police_report=true
      fnol | police_report | No report | police_report=false
      fnol | police_report | We called the police | police_report=true
      fnol | police_report | I don't think so | police_report=false
      fnol | police_report | 打了110 | police_report=true
      fnol | other_party_involved | Yes, a white van | other_party_involved=true
      fnol | other_party_involved | 对方跑了 | other_party_involved=true
      fnol | vehicle_drivable | I can still drive it | vehicle_drivable=true
      fnol | vehicle_drivable | It got towed | vehicle_drivable=false
      fnol | vehicle_drivable | 不能开了 | vehicle_drivable=false
      fnol | vehicle_drivable | 被拖走了 | vehicle_drivable=false
      fnol | plate | A B C one two three | plate=ABC123
      fnol | plate | It's 7CD456 | plate=7CD456
      fnol | plate | X-ray Yankee Zulu nine eight seven | plate=XYZ987
      fnol | plate | 粤B 一二三四五 | plate=粤B12345
      fnol | plate | 沪A幺二三四五 | plate=沪A12345
      fnol | plate | 京AD12345 | plate=京AD12345
      fnol | plate | I don't remember | plate=null
      fnol | plate | 不知道 | plate=null
      csat | csat | 5 | csat=5
      csat | csat | I'd give it a 4 | csat=4
      csat | csat | four out of five | csat=4
      csat | csat | Very satisfied | csat=5
      csat | csat | very dissatisfied | csat=1
      csat | csat | 十分满意 | csat=5
      csat | csat | 不太满意 | csat=2
      csat | csat | 满分 | csat=5
      csat | csat | pretty good | -
      csat | csat | eleven | -
      csat | nps | ten out of ten | nps=10
      csat | nps | a solid eight | nps=8
      csat | nps | 给九分 | nps=9
      csat | nps | 打十分 | nps=10
      csat | nps | 零分 | nps=0
      csat | comment | No, that's all, thanks | comment=null
      csat | comment | 没有了 | comment=null
      csat | comment | 没什么意见 | comment=null
      csat | comment | The adjuster never called me back | comment=The adjuster never called me back
      csat | callback_requested | No thanks | callback_requested=false
      csat | callback_requested | That would be great | callback_requested=true
      csat | callback_requested | 需要 | callback_requested=true
      screening | consent | Sure, go ahead | consent=true
      screening | consent | 可以的 | consent=true
      screening | consent | No problem | consent=true
      screening | consent | 没问题 | consent=true
      screening | consent | 我不同意 | consent=false
      fnol | loss_date | This past Sunday night | loss_date=2025-06-15
      fnol | loss_date | 14 June | loss_date=2025-06-14
      fnol | loss_date | on the 14th | loss_date=2025-06-14
      fnol | loss_time | 早上七点半 | loss_time=07:30
      fnol | loss_time | 七点多 | loss_time=07:00
      fnol | loss_time | sometime in the afternoon | loss_time=null
      fnol | loss_time | 下午吧 | loss_time=null
      csat | csat | Mostly satisfied | csat=4
      csat | nps | probably an 8 | nps=8
      screening | years_experience | About three years | years_experience=3
      screening | years_experience | 两年多 | years_experience=2
      screening | work_authorized | I have a work permit | work_authorized=true
      screening | drivers_license | No I don't drive | drivers_license=false
      screening | drivers_license | 没有驾照 | drivers_license=false
      screening | years_experience | Two and a half years | years_experience=2.5
      screening | years_experience | 18 months | years_experience=1.5
      screening | years_experience | None | years_experience=0
      screening | years_experience | 一年半 | years_experience=1.5
      screening | years_experience | 五年 | years_experience=5
      screening | available_start_date | in two weeks | available_start_date=2025-07-02
      screening | available_start_date | immediately | available_start_date=2025-06-18
      screening | available_start_date | June 3rd | available_start_date=2026-06-03
      screening | available_start_date | next Friday | available_start_date=2025-06-27
      screening | available_start_date | 两周后 | available_start_date=2025-07-02
      screening | available_start_date | 下个月一号 | available_start_date=2025-07-01
      screening | salary_expectation | $60,000 | salary_expectation=60000
      screening | salary_expectation | 60k a year | salary_expectation=60000
      screening | salary_expectation | around 5,000 a month | salary_expectation=60000
      screening | salary_expectation | one hundred twenty thousand | salary_expectation=120000
      screening | salary_expectation | 月薪八千 | salary_expectation=96000
      screening | salary_expectation | 年薪十二万 | salary_expectation=120000
      screening | salary_expectation | 一万五一个月 | salary_expectation=180000
      csat | nps | 满分十分的话我给八分 | nps=8
      csat | nps | on a scale of zero to ten I'd go with six | nps=6
      csat | csat | out of five, a two | csat=2
      screening | salary_expectation | forty to forty-five thousand | salary_expectation=40000
      screening | salary_expectation | 六七万吧 | salary_expectation=60000
      fnol | other_party_involved | I guess so, though I never saw who | other_party_involved=true
      fnol | loss_date | March 2nd at about 10 pm | loss_date=2025-03-02;loss_time=22:00
      fnol | loss_date | a couple days ago | loss_date=2025-06-16
      fnol | loss_time | three thirty in the afternoon | loss_time=15:30
      fnol | loss_time | quarter after nine at night | loss_time=21:15
      screening | available_start_date | the first of next month | available_start_date=2025-07-01
      fnol | loss_date | 这个月五号 | loss_date=2025-06-05
      fnol | loss_time | maybe ten forty? | loss_time=10:40
      fnol | loss_time | I think 9 or so | loss_time=09:00
      fnol | injuries | I'm okay, but my passenger hurt her wrist | injuries=true
      fnol | injuries | 我没事，不过对方司机擦伤了 | injuries=true
      screening | available_start_date | the Wednesday after next | available_start_date=2025-07-02
      csat | callback_requested | Yes, I'd like to talk to someone about the payment | callback_requested=true
      csat | callback_requested | 要，想找人问问进度 | callback_requested=true
      """)
  void readsTheSlot(String script, String expecting, String utterance, String expected) {
    var s = SCRIPTS.get(script);
    Extraction x = extractor.extract(new ExtractInput(script, "en", "2025-06-18", expecting, s.specs(),
        s.specs().stream().map(SlotSpec::name).takeWhile(n -> !n.equals(expecting)).toList(), utterance, null));
    Map<String, String> got = new TreeMap<>();
    x.values().forEach(v -> got.put(v.slot(), v.value() == null ? "null" : v.value()));
    String actual = got.isEmpty() ? "-" : got.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    assertEquals(expected, actual);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      转人工 | agent
      Can I speak to a representative | agent
      I'd rather talk to a person | agent
      帮我找人工 | agent
      Sorry, can you repeat that? | repeat
      再说一遍 | repeat
      """)
  void recognisesRequestsForAPersonOrARepeat(String utterance, String intent) {
    var s = SCRIPTS.get("fnol");
    assertEquals(intent, extractor.extract(new ExtractInput("fnol", "en", "2025-06-18", "loss_date", s.specs(), List.of(), utterance, null)).intent());
  }
}
