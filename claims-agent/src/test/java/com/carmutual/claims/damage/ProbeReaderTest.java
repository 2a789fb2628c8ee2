package com.carmutual.claims.damage;

import com.carmutual.claims.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class ProbeReaderTest {
  @Test
  void probe() {
    TextDamageReader r = new TextDamageReader(new Taxonomy());
    String[] texts = {
      "Rear passenger door dented and the rear bumper has a hole in it.",
      "Windshield chip on the passenger side.",
      "Front passenger side fender scratched, mirror glass cracked.",
      "Hail damage on the hood and roof, lots of small dents.",
      "RR quarter panel dented, RR tail lamp cracked.",
      "The rear windshield shattered and the trunk lid was dented.",
      "Hit a deer: front bumper cover cracked, grille broken, right headlight out, hood bent.",
      "My car was sideswiped on the driver side: both doors scratched and the mirror is hanging.",
      "Deep key scratch along the passenger side doors.",
      "Left front wheel bent and tire blown.",
      "右后门被刮花了,后保险杠也有划痕。",
      "左前轮毂刮伤,左前轮胎扎了钉子。",
      "右侧后视镜掉了,右前门凹了一小块。",
      "后挡风玻璃裂了,倒车雷达不工作。",
      "前保险杠掉漆,机盖有个小坑。",
      "主驾车门和后门都被撞凹了。",
      "Someone backed into me. Front bumper scuffed and the license plate bent.",
      "Tree branch fell on the car: roof caved in, windshield cracked, sunroof shattered.",
      "Front end damage: bumper and both fog lights broken.",
      "There is a dent on the left rear door and a scratch on the left quarter panel.",
    };
    for (String t : texts) {
      System.out.println("PROBE " + t);
      for (Damage d : r.read(new DamageInput(t, null, null, null)).damages()) {
        System.out.println("PROBE    " + d.partCode() + " " + d.side() + " " + d.damageType() + " " + d.severity() + " " + d.confidence());
      }
    }
  }
}
