-- 0025_consent_languages.sql: the consent tablet in every participant
-- language (issue 16, items 1 and 5).
--
-- 1. The secrecy waiver and the SUS consent texts in Somali (so), Dari
--    (fa-AF) and Tigrinya (ti), as new rows beside the Swedish, English and
--    Arabic of 0008 (no used text is touched). The SUS wording stays our
--    example until FK's form 9443 is loaded, marked so in each language.
-- 2. A text carries to_check: our own translation, to be checked by a
--    qualified translator before real use, as the questionnaires' Arabic,
--    Somali, Dari and Tigrinya are (conf/questionnaires/). The staff see the
--    mark where texts are listed and chosen (admin Samtyckestexter, the
--    prepare and handover pages). 0008's Arabic texts get it too: setting
--    it changes no wording, so the frozen-text trigger lets it through.
--    An admin's new version is the förbund's own wording: to_check 0.
-- 3. The information categories get their Somali, Dari and Tigrinya
--    labels, as label_en and label_ar have theirs.
-- 4. A consent signed on the tablet records how: a drawn signature
--    (signature_svg) or the participant's typed full name, confirmed
--    (the keyboard's way to sign, no drawing stored).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE consent_text
    ADD COLUMN to_check BOOL NOT NULL DEFAULT 0
        COMMENT 'Our own translation, to be checked by a translator before real use';

UPDATE consent_text SET to_check = 1
    WHERE language = 'ar' AND version = 1 AND created_by IS NULL;

-- Best-effort translations of 0008's Swedish wording, to be checked by a
-- translator (to_check).
INSERT INTO consent_text (kind, language, version, title, body, to_check) VALUES
 ('sekretess', 'so', 1, 'Oggolaanshaha ka dhaafista sirta',
  'Waxaan oggolahay in dhinacyada hoos ku qoran ay bixiyaan oo helaan noocyada macluumaadka igu saabsan ee hoos ku qoran. Ujeeddadu waa qorsheynta iyo fulinta barnaamijkayga iyo baxnaaninta aan ugu socdo shaqo ama waxbarasho.\n\nOggolaanshahan wuxuu khuseeyaa oo keliya dhinacyada iyo macluumaadka halkan ku qoran, iyo oo keliya muddada halkan ku qoran. Ugu dambayn wuxuu dhaqan galayaa ilaa barnaamijkaygu ka dhammaado.\n\nWaxaan ka noqon karaa oggolaanshahan wakhti kasta, gebi ahaanba ama hal dhinac, af ahaan ama qoraal ahaan, shaqaalaha barnaamijka ama sarkaalka kiiskayga. Ka noqoshadu isla markiiba ayay dhaqan gashaa. Macluumaadka horay loo bixiyey dib looma soo celin karo.\n\nOggolaanshahan waa ikhtiyaari. Haddii aanan oggolaan, saameyn kuma yeelanayso xuquuqdayda taageerada, laakiin way adkaan kartaa in taageerada la isku duwo.', 1),
 ('sekretess', 'fa-AF', 1, 'رضایت به رفع محرمیت',
  'من موافقت می‌کنم که طرف‌های ذکرشده در زیر، انواع معلومات ذکرشده در زیر را دربارهٔ من بدهند و بگیرند. هدف، پلان‌گذاری و اجرای برنامه و توان‌بخشی من به سوی کار یا تحصیل است.\n\nاین رضایت فقط شامل طرف‌ها و معلوماتی است که در اینجا ذکر شده، و فقط برای مدتی که در اینجا ذکر شده است. این رضایت حد اکثر تا پایان برنامهٔ من اعتبار دارد.\n\nمن می‌توانم این رضایت را هر وقت، به طور کامل یا برای یک طرف، به صورت شفاهی یا کتبی، نزد کارمندان برنامه یا مسئول پروندهٔ خود پس بگیرم. پس گرفتن فوراً اعتبار پیدا می‌کند. معلوماتی که قبلاً داده شده است، پس گرفته نمی‌شود.\n\nاین رضایت داوطلبانه است. اگر موافقت نکنم، به حق من برای دریافت حمایت تأثیر نمی‌کند، اما هماهنگ کردن حمایت ممکن است مشکل‌تر شود.', 1),
 ('sekretess', 'ti', 1, 'ስምምዕ ምቕላል ምስጢራውነት',
  'ኣብ ታሕቲ ዝተዘርዘሩ ወገናት፣ ኣብ ታሕቲ ዝተዘርዘሩ ዓይነታት ሓበሬታ ብዛዕባይ ክህቡን ክእክቡን ይሰማማዕ እየ። ዕላማኡ ንመደበይን ናብ ስራሕ ወይ ትምህርቲ ዝወስድ ምሕዋየይን ንምውጣንን ንምትግባርን እዩ።\n\nእዚ ስምምዕ ነቶም ኣብዚ ዝተጠቕሱ ወገናትን ሓበሬታን ጥራይ፣ ንዝተጠቕሰ ግዜ ጥራይ ይምልከት። ብዝለዓለ ክሳብ መደበይ ዝውዳእ ይጸንሕ።\n\nነዚ ስምምዕ ኣብ ዝኾነ ይኹን እዋን፣ ምሉእ ብምሉእ ወይ ንሓደ ወገን፣ ብቓል ወይ ብጽሑፍ፣ ኣብ ሰራሕተኛታት እቲ መደብ ወይ ኣብ ሓላፊ ጉዳየይ ክስሕቦ እኽእል እየ። ምስሓብ ብኡንብኡ ይሰርሕ። ቅድሚ ሕጂ ዝተዋህበ ሓበሬታ ክምለስ ኣይክእልን።\n\nእዚ ስምምዕ ብፍቓደይ እዩ። እንተዘይተሰማሚዐ ኣብ መሰለይ ደገፍ ምርካብ ጸልዋ የብሉን፣ ግን ነቲ ደገፍ ምውህሃድ ክኸብድ ይኽእል።', 1),
 ('sus', 'so', 1, 'Oggolaanshaha diiwaangelinta SUS',
  'Qoraal tusaale ah: waxaa lagu beddeli doonaa foomka Försäkringskassan 9443.\n\nFörsäkringskassan (Hay''adda Caymiska Bulshada) waxay barnaamijyada isku-duwidda maaliyadeed ku raacdaa nidaamka SUS. Waxaan oggolahay in macluumaadka igu saabsan ee barnaamijkan lagu diiwaangeliyo SUS: lambarka shakhsiyeed, jinsiga, da''da, degmada aan ku diiwaangashanahay, waxbarashada, ilaha dakhliga iyo shaqada ka hor iyo ka dib barnaamijka.\n\nHaddii aanan oggolaan, waxaa la ii diiwaangelinayaa magac la''aan, jinsiga iyo sannadka oo keliya.\n\nOggolaanshahan wuxuu khuseeyaa barnaamijkan oo keliya. Waxaan ka noqon karaa wakhti kasta, markaas waxaa la ii diiwaangelinayaa magac la''aan laga bilaabo warbixinta xigta.', 1),
 ('sus', 'fa-AF', 1, 'رضایت به ثبت در SUS',
  'متن نمونه: با فورم شمارهٔ 9443 ادارهٔ بیمهٔ اجتماعی (Försäkringskassan) عوض می‌شود.\n\nادارهٔ بیمهٔ اجتماعی برنامه‌های هماهنگی مالی را در سیستم پیگیری SUS پیگیری می‌کند. من موافقت می‌کنم که معلومات من در این برنامه در SUS ثبت شود: نمبر شخصی، جنسیت، سن، شاروالی محل سکونت، تحصیلات، منابع عاید و مشغولیت پیش و پس از برنامه.\n\nاگر موافقت نکنم، بدون نام ثبت می‌شوم، فقط با جنسیت و سال.\n\nاین رضایت فقط شامل این برنامه است. من می‌توانم آن را هر وقت پس بگیرم، و در آن صورت از گزارش بعدی به بعد بدون نام ثبت می‌شوم.', 1),
 ('sus', 'ti', 1, 'ስምምዕ ምምዝጋብ ኣብ SUS',
  'ኣብነታዊ ጽሑፍ፦ ብቕጥዒ 9443 ናይ Försäkringskassan ክትካእ እዩ።\n\nቤት ጽሕፈት ማሕበራዊ ውሕስና (Försäkringskassan) ነቶም ናይ ፋይናንሳዊ ምትሕብባር መደባት ኣብ ናይ ክትትል ስርዓት SUS ይከታተሎም። ኣብዚ መደብ ዘሎ ሓበሬታ ብዛዕባይ ኣብ SUS ክምዝገብ ይሰማማዕ እየ፦ ውልቃዊ ቁጽሪ፣ ጾታ፣ ዕድመ፣ ዝተመዝገብኩሉ ምምሕዳር ከተማ፣ ትምህርቲ፣ ምንጪ እቶትን ስራሕን ቅድሚ መደብን ድሕሪ መደብን።\n\nእንተዘይተሰማሚዐ ብዘይ ስም፣ ብጾታን ዓመትን ጥራይ፣ ክምዝገብ እየ።\n\nእዚ ስምምዕ ነዚ መደብ ጥራይ ይምልከት። ኣብ ዝኾነ ይኹን እዋን ክስሕቦ እኽእል እየ፣ ሽዑ ካብቲ ዝቕጽል ጸብጻብ ጀሚሩ ብዘይ ስም ክምዝገብ እየ።', 1);

ALTER TABLE consent_category
    ADD COLUMN label_so VARCHAR(200) NOT NULL DEFAULT '' AFTER label_ar,
    ADD COLUMN label_fa_af VARCHAR(200) NOT NULL DEFAULT '' AFTER label_so,
    ADD COLUMN label_ti VARCHAR(200) NOT NULL DEFAULT '' AFTER label_fa_af;

UPDATE consent_category SET label_so = 'Dakhliga iyo gunnooyinka', label_fa_af = 'عاید و کمک‌های مالی', label_ti = 'እቶትን ካሕሳታትን'
    WHERE code = 'inkomst';
UPDATE consent_category SET label_so = 'Fasaxa jirrada iyo caafimaadka', label_fa_af = 'رخصتی مریضی و صحت', label_ti = 'ዕረፍቲ ሕማምን ጥዕናን'
    WHERE code = 'halsa';
UPDATE consent_category SET label_so = 'Xaaladda bulsho', label_fa_af = 'وضعیت اجتماعی', label_ti = 'ማሕበራዊ ኩነታት'
    WHERE code = 'social';
UPDATE consent_category SET label_so = 'Shaqada iyo waxbarashada', label_fa_af = 'کار و تحصیل', label_ti = 'ስራሕን ትምህርትን'
    WHERE code = 'arbete';
UPDATE consent_category SET label_so = 'Qorsheynta iyo tallaabooyinka', label_fa_af = 'پلان‌گذاری و اقدامات', label_ti = 'መደብን ስጉምትታትን'
    WHERE code = 'planering';

ALTER TABLE consent
    ADD COLUMN signed_with ENUM('ritad','namn') NULL
        COMMENT 'surfplatta: a drawn signature (signature_svg) or the typed full name the participant confirmed (signer_name, no drawing). NULL: papper or unsigned'
        AFTER signature_svg;

UPDATE consent SET signed_with = 'ritad' WHERE signed_how = 'surfplatta';
