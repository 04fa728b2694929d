"""Cleaning and metadata of pages in other languages and scripts.

The pages under fixtures/pages/intl/ were written for these tests (invented outlets,
names and events); each imitates common page furniture: menus, share bars, "read also"
teasers, related lists, reader comments, cookie and copyright footers, a repeated
paragraph. For each page: snippets the body must keep, snippets it must drop, and the
title, author and published date meta should read.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tieline.ingest.clean import clean_text
from tieline.ingest.meta import extract_meta

INTL = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "intl"

# name: (keep, drop, title, author, published)
PAGES = {
    "fr_quotidien_commentaires.txt": (
        ["conclu mardi à Nouakchott", "la moitié des recettes", "a déclaré la ministre",
         "Les premières livraisons de gaz"],
        ["Accueil", "Rechercher", "Partager", "Publicité", "À lire aussi", "terminal pétrolier",
         "Commentaires", "Enfin une bonne nouvelle", "Répondre", "répartition des emplois",
         "Tous droits réservés", "Nous utilisons des cookies", "Mentions légales", "Publié le"],
        "Le Sénégal et la Mauritanie signent un accord sur le gaz offshore", "Jeanne Martin", "2023-03-14"),
    "de_zeitung_lesen_sie_auch.txt": (
        ["Stromnetze an der gemeinsamen Grenze", "Absichtserklärung", "1,2 Milliarden Euro",
         "Kritiker aus der Opposition", "lobte Deutschlands Engagement"],
        ["Startseite", "Anmelden", "Teilen", "Drucken", "Lesen Sie auch", "Anzeige", "Mehr zum Thema",
         "Windparks", "Kommentare", "Endlich passiert etwas", "Stromkunden", "Impressum",
         "Alle Rechte vorbehalten", "Veröffentlicht am"],
        "Berlin und Warschau vereinbaren gemeinsamen Ausbau der Stromnetze", "Hans Müller", "2022-03-03"),
    "es_diario_comentarios.txt": (
        ["reapertura del principal paso cordillerano", "cuatrocientos camiones",
         "máquinas quitanieves", "Se espera que el tránsito se normalice"],
        ["Inicio", "Suscríbete", "Compartir en Facebook", "Te puede interesar", "Publicidad",
         "Noticias relacionadas", "litio", "Deja un comentario", "campos obligatorios", "túnel",
         "Responder", "Todos los derechos reservados", "Política de cookies"],
        "Chile y Argentina reabren el paso fronterizo tras las nevadas", "María López", "2021-07-12"),
    "it_giornale_leggi_anche.txt": (
        ["memorandum che prevede nuovi investimenti", "formazione professionale",
         "duecento milioni di euro", "riferire in Parlamento"],
        ["Cerca", "Abbonati", "Condividi", "Leggi anche", "Pubblicità", "Ti potrebbe interessare",
         "Gasdotto", "Lascia un commento", "Speriamo", "Rispondi", "Tutti i diritti riservati",
         "Questo sito utilizza cookie"],
        "Italia e Tunisia firmano un'intesa sui flussi migratori e sull'energia", "Marco Rossi", "2020-07-07"),
    "pt_jornal_leia_tambem.txt": (
        ["troca de técnicos", "trezentos engenheiros", "parceria é estratégica"],
        ["Pesquisar", "Compartilhar", "Leia também", "Publicidade", "Notícias relacionadas",
         "Luanda", "Deixe um comentário", "Boa iniciativa", "Responder", "Todos os direitos reservados"],
        "Brasil e Angola ampliam cooperação no setor de petróleo", "Ana Souza", "2021-05-05"),
    "ru_gazeta_chitayte_takzhe.txt": (
        ["соглашение о строительстве газопровода", "первые поставки", "два миллиарда долларов",
         "энергетическую безопасность"],
        ["Главная", "Поиск", "Поделиться", "Читайте также", "Реклама", "По теме", "урана",
         "Комментарии", "сроки, как всегда", "Ответить", "Все права защищены", "файлы cookie"],
        "Россия и Казахстан договорились о строительстве нового газопровода", "Иван Петров", "2021-03-12"),
    "tr_haber_yorumlar.txt": (
        ["ulaştırma bakanları", "iki yüz yirmi kilometre", "yük taşımacılığını"],
        ["Ana Sayfa", "Giriş Yap", "Paylaş", "Reklam", "İlgili Haberler", "ticaret fuarı",
         "Yorumlar", "Çok güzel bir gelişme", "Yanıtla", "Tüm hakları saklıdır", "Çerez Politikası"],
        "Türkiye ile Azerbaycan arasında yeni demiryolu anlaşması imzalandı", "Mehmet Yılmaz", "2022-02-14"),
    "ar_sahifa_taaliqat.txt": (
        ["وقع وزيرا الكهرباء", "ثلاثة آلاف ميغاواط", "تبادل الطاقة في أوقات الذروة"],
        ["الرئيسية", "تسجيل الدخول", "شارك", "اقرأ أيضا", "إعلان", "أخبار ذات صلة", "الأسمدة",
         "التعليقات", "خطوة مهمة", "جميع الحقوق محفوظة", "نشر في"],
        "مصر والسودان تتفقان على مشروع للربط الكهربائي", "أحمد حسن", "2022-06-05"),
    "ur_akhbar_tabsire.txt": (
        ["وزرائے ریلوے نے اسلام آباد میں", "تجارت کا حجم", "ابتدائی سروے"],
        ["صفحہ اول", "شیئر کریں", "یہ بھی پڑھیں", "اشتہار", "متعلقہ خبریں", "تاشقند",
         "تبصرے", "بہت اچھی خبر", "جملہ حقوق محفوظ"],
        "پاکستان اور ازبکستان کے درمیان ریلوے منصوبے پر معاہدہ", "علی رضا", "2022-03-12"),
    "zh_xinwen_pinglun.txt": (
        ["在万象签署了关于铁路运营", "铁路职业学校", "货运量持续增长"],
        ["首页", "搜索", "分享到", "广告", "相关新闻", "物流园区", "网友评论", "希望能早日开通",
         "回复", "版权所有", "隐私政策", "发布时间"],
        "中老两国签署铁路运营合作协议", "王小明", "2023-04-05"),
    "ja_shinbun_kanren.txt": (
        ["港湾インフラの整備に関する協力覚書", "拡張工事を共同で進める", "物流の効率"],
        ["ホーム", "ログイン", "シェア", "ツイート", "広告", "関連記事", "地下鉄", "コメント",
         "お互いにとって良い", "返信", "All rights reserved", "プライバシーポリシー"],
        "日本とベトナム、港湾整備で協力覚書に署名", "山田太郎", "2022-06-03"),
    "id_berita_baca_juga.txt": (
        ["nota kesepahaman tentang patroli bersama", "pertukaran data kapal nelayan",
         "patroli pertama dapat dimulai"],
        ["Beranda", "Bagikan", "Baca juga", "Iklan", "Berita Terkait", "Jalan tol", "Tinggalkan Balasan",
         "Komentar", "Semoga nelayan", "Balas", "Hak Cipta", "Kebijakan Privasi"],
        "Indonesia dan Malaysia sepakati kerja sama pengelolaan perbatasan laut", "Siti Rahmawati",
        "2021-08-12"),
    "fr_blog_laisser_commentaire.txt": (
        ["les villages frontaliers", "marchés du samedi", "prix du transit"],
        ["Le Carnet du Sahel", "Catégories", "Partager", "Imprimer", "Articles similaires",
         "Laisser un commentaire", "Votre adresse e-mail", "Très bon reportage", "Répondre",
         "Propulsé par WordPress"],
        "Niger et Bénin : le pipeline relance les échanges", "Élodie Traoré", "2024-02-02"),
    "es_agencia_dos_autores.txt": (
        ["firmaron este jueves en la ciudad portuaria", "noventa y nueve años", "falta de financiamiento",
         "estudio de factibilidad"],
        ["Utilizamos cookies", "Portada", "Actualizado el", "Etiquetas", "Lo más leído", "cobre",
         "Comentarios", "Por fin alguien", "Ya lo prometieron", "Responder"],
        "Perú y Bolivia relanzan el proyecto del puerto compartido en el Pacífico",
        "Lucía Fernández and Diego Ramírez", "2022-10-20"),
    "de_blog_ohne_datumlabel.txt": (
        ["hinter den Kulissen verhandelt", "jährlichen Gasverbräuche", "bleibt offen"],
        ["Über mich", "Schlagwörter", "Teilen mit", "Ähnliche Beiträge", "Kommentare", "Spannend",
         "Antworten", "Schreibe einen Kommentar", "E-Mail-Adresse"],
        "Tschechien und die Slowakei teilen sich künftig ein Flüssiggasterminal",
        "Anna Schmidt and Jonas Weber", "2023-01-09"),
    "hi_samachar_tippani.txt": (
        ["काठमांडू में एक समझौते पर हस्ताक्षर", "व्यापार और पर्यटन", "सर्वेक्षण का काम"],
        ["होम", "खोजें", "शेयर करें", "यह भी पढ़ें", "विज्ञापन", "संबंधित खबरें", "बस सेवा",
         "टिप्पणियाँ", "बहुत अच्छी खबर", "जवाब दें", "सर्वाधिकार सुरक्षित"],
        "भारत और नेपाल के बीच नई रेल लाइन पर समझौता", "राहुल शर्मा", "2022-03-12"),
    "ru_blog_bez_metki.txt": (
        ["начал работу ещё один автомобильный пункт", "очереди грузовиков", "делимитацию спорного участка"],
        ["файлы cookie", "Аналитика", "Подписывайтесь", "Похожие новости", "пошлины", "бизнес-форум",
         "Обсуждение", "Давно пора"],
        "Узбекистан и Киргизия открыли новый пункт пропуска", "Ольга Смирнова", "2022-06-05"),
    "ko_sinmun_gija.txt": (
        ["희토류 공동 탐사와 가공 시설", "세 곳의 광산 후보지", "현지 일자리도 크게"],
        ["로그인", "입력", "공유하기", "카카오톡", "관련기사", "직항 노선", "댓글", "좋은 소식이네요", "답글",
         "무단전재"],
        "한국과 몽골, 희토류 공급망 협력 강화하기로", "김민준", "2023-09-14"),
    "zh_baodao_laiyuan.txt": (
        ["签署了港口二期扩建的框架协议", "负责码头设计和施工", "年吞吐量有望翻一番"],
        ["网站首页", "来源", "责任编辑", "纠错", "相关阅读", "瓜达尔自由区", "扫一扫"],
        "巴基斯坦与中国就港口扩建达成新协议", "李华", "2022-11-08"),
    "ar_khabar_ta3liq.txt": (
        ["خطة لمد أنبوب لنقل النفط العراقي", "لجنة فنية مشتركة", "تسهيل حركة الشاحنات"],
        ["الصفحة الرئيسية", "تابعونا", "أضف تعليقا", "البريد الإلكتروني", "مشروع قديم"],
        "الأردن والعراق يبحثان مد أنبوب النفط إلى العقبة", "خالد العمري", "2023-03-12"),
    "fr_hebdo_redaction.txt": (
        ["étude de faisabilité pour relier", "pics de consommation estivaux", "sans brûler les étapes"],
        ["Aller au contenu", "Proche-Orient", "Temps de lecture", "Abonnez-vous", "Sur le même sujet",
         "terminal à conteneurs", "Réagissez", "Connectez-vous"],
        "Liban et Chypre : un câble électrique sous la mer à l'étude", None, "2023-04-18"),
    "tr_gazete_ara_okuma.txt": (
        ["feribot seferleri", "haftada dört gün", "yabancı ziyaretçi sayısını"],
        ["Son Dakika", "Haberin devamı", "ilginizi çekebilir", "otel doluluk", "Yorum yazın", "Adınız",
         "Sonunda!"],
        "Yunanistan ile feribot hattı yeniden açılıyor", "Ayşe Demir", "2023-05-06"),
    "id_portal_penulis.txt": (
        ["jam operasional pos lintas batas", "pertemuan kedua menteri perdagangan", "pasar bersama"],
        ["Kabar Timur", "Penulis", "Simak berita", "Artikel Terkait", "Harga semen", "Komentar",
         "Silakan login"],
        "Timor Leste dan Indonesia Perluas Perdagangan Lintas Batas", "Yohanes Tallo", "2022-11-07"),
    "ja_web_chosha.txt": (
        ["電気自動車用電池の工場を建設", "二〇二五年の稼働", "千人以上の雇用"],
        ["トップ", "この記事をシェアする", "はてなブックマーク", "おすすめ記事", "地下鉄延伸", "©"],
        "タイと日本、EV電池工場で合弁", "佐藤花子", "2023-02-10"),
    "ar_maqal_ra2y.txt": (
        ["تحولا واضحا في اتجاه تجارة دول الخليج", "الموانئ والتقنية والزراعة", "شركائها القدامى والجدد",
         "تقلبات أسعار النفط"],
        ["سلمى يوسف", "شارك المقال"],
        "العلاقات الخليجية الآسيوية في عقد جديد", "سلمى يوسف", None),
    "zh_pinglun_jianyue.txt": (
        ["跨境电子商务发展迅速", "数据保护和税收规则", "统一的电子商务标准"],
        ["陈思远", "2021年5月29日", "作者系"],
        "东盟与中国的数字贸易合作前景", "陈思远", "2021-05-29"),
    "es_columna_opinion.txt": (
        ["un punto de paso para quienes viajaban", "los mercados de Tapachula", "río Suchiate"],
        ["Opinión", "15/08/2022", "responsabilidad exclusiva", "Compartir este artículo"],
        "La frontera que une a México y Guatemala", "Carmen Ruiz", "2022-08-15"),
    "ru_novosti_foto.txt": (
        ["увеличить число грузовых поездов", "пассажирского поезда"],
        ["Лента новостей", "пресс-служба", "Текст:", "1 245", "Источник", "Подписывайтесь", "Самое читаемое",
         "Цены на уголь"],
        "Монголия и Россия расширят железнодорожное сообщение", "Дмитрий Соколов", "2022-04-28"),
    "it_quotidiano_di_minuscolo.txt": (
        ["terminale di gas naturale liquefatto", "fino a un terzo della capacità", "un passo decisivo"],
        ["Accedi", "Riproduzione riservata", "3 commenti", "Finalmente una buona notizia", "Scrivi un commento"],
        "Slovenia e Croazia, accordo sul terminale del gas a Veglia", "Laura Bianchi", "2020-07-07"),
    "pt_portal_cookies.txt": (
        ["memorando para a formação de técnicos", "bolsas de estudo", "segundo semestre"],
        ["utiliza cookies", "Aceitar", "Atualizado há", "Leia mais", "caju", "Mais lidas", "Preço do combustível"],
        "Moçambique e Portugal assinam acordo sobre gás natural", "João Pereira", "2021-05-05"),
    "zh_duanju.txt": (
        ["霍尔果斯口岸进出口货运量", "中欧班列的开行数量", "农产品和机电产品", "扩建边境一侧的物流中心"],
        ["环球经贸网", "正文", "来源", "分享到", "微信", "热门推荐", "新疆棉花"],
        "中哈口岸货运量创历史新高", "刘洋", "2023-08-21"),
    "ar_bila_nuqta.txt": (
        ["تنمية المناطق الحدودية المشتركة", "منطقة تجارة حرة", "آلاف فرص العمل"],
        ["سياسة", "تابعونا", "اقرأ أيضا", "زيت الزيتون"],
        "تونس والجزائر توقعان اتفاقا لتطوير المناطق الحدودية", "ليلى بن علي", "2023-02-14"),
    "de_agentur_foto.txt": (
        ["Ausbau der Bahnverbindung zwischen Wien und Budapest", "900 Millionen Euro", "im kommenden Frühjahr"],
        ["Lesezeit", "Foto: dpa", "Veröffentlicht", "(dpa/red)", "Mehr aus Wirtschaft", "Inflation",
         "12 Kommentare", "Na endlich", "Jetzt kommentieren"],
        "Wien und Budapest wollen Bahnstrecke ausbauen", None, "2021-09-22"),
}

REPEATED = {"fr_quotidien_commentaires.txt": "conclu mardi à Nouakchott",
            "it_giornale_leggi_anche.txt": "memorandum che prevede",
            "id_berita_baca_juga.txt": "nota kesepahaman tentang",
            "zh_baodao_laiyuan.txt": "签署了港口二期扩建的框架协议"}


def _load(name: str):
    raw = (INTL / name).read_text("utf-8")
    result = clean_text(raw)
    return raw, result, "\n\n".join(p.text for p in result.paragraphs)


def test_every_fixture_is_listed():
    assert sorted(p.name for p in INTL.glob("*.txt")) == sorted(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_body_keeps_the_article(name):
    _, _, body = _load(name)
    for snippet in PAGES[name][0]:
        assert snippet in body, snippet


@pytest.mark.parametrize("name", sorted(PAGES))
def test_body_drops_the_furniture(name):
    _, _, body = _load(name)
    for snippet in PAGES[name][1]:
        assert snippet not in body, snippet


@pytest.mark.parametrize("name", sorted(REPEATED))
def test_repeated_paragraph_kept_once(name):
    _, _, body = _load(name)
    assert body.count(REPEATED[name]) == 1


@pytest.mark.parametrize("name", sorted(PAGES))
def test_spans_are_exact(name):
    raw, result, _ = _load(name)
    for p in [*result.paragraphs, *result.dropped]:
        assert raw[p.start:p.end] == p.text


@pytest.mark.parametrize("field, idx", [("title", 2), ("author", 3), ("published", 4)])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_meta(name, field, idx):
    raw, result, _ = _load(name)
    assert extract_meta(raw, result, {})[field] == PAGES[name][idx]


# ---------------------------------------------------------------- line features

from tieline.ingest.clean import _Line, _words, byline_name, line_date  # noqa: E402
from tieline.ingest.meta import _author_names  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    ("Publié le 29 mai 2021 à 10h05", "2021-05-29"),
    ("Mis à jour le 30 mai 2021", "2021-05-30"),
    ("Veröffentlicht am 3. März 2022, 10:15 Uhr", "2022-03-03"),
    ("martes, 13 de julio de 2021 a las 10:14", "2021-07-13"),
    ("Опубликовано 12 марта 2021, 14:30", "2021-03-12"),
    ("Yayınlanma: 14 Şubat 2022 10:45", "2022-02-14"),
    ("نشر في ٥ يونيو ٢٠٢٢", "2022-06-05"),
    ("الأحد ١٢/٠٣/٢٠٢٣ - ١٠:٣٠ ص", "2023-03-12"),
    ("发布时间：2023年4月5日 10:20", "2023-04-05"),
    ("2022年6月3日（金）15時30分", "2022-06-03"),
    ("Diterbitkan 12 Agustus 2021", "2021-08-12"),
    ("입력 2023.09.14 10:32", "2023-09-14"),
    ("2022年03月12日 14:30 来源：人民网", "2022-03-12"),     # the source field beside the date
    ("12.03.2022 Quelle: dpa", "2022-03-12"),
])
def test_date_lines_in_other_languages(text, expected):
    assert line_date(text) == expected


@pytest.mark.parametrize("text", [
    "Le 3 mars 2021, tout a changé.",            # a short sentence that mentions a date
    "Elections in May 2024",                     # a headline with a month
    "中老两国2023年4月5日签署协议",                  # a headline with a date inside
    "Wahlen 2024",                                # a bare year is no page date
    "Les ministres se sont réunis à Paris pour discuter de la coopération le 3 mars 2021.",
])
def test_not_date_lines(text):
    assert line_date(text) is None


def test_cjk_words_count_two_characters():
    # eleven characters of Chinese weigh as six words, not one
    assert len(_words("中国和老挝两国政府代表")) == 6
    assert len(_words("Berlin und Warschau")) == 3
    # a Devanagari word keeps its vowel signs
    assert len(_words("भारत और नेपाल")) == 3


@pytest.mark.parametrize("text", [
    "中国和老挝两国政府代表日前在万象签署了关于铁路运营与维护的合作协议。",
    "وقع وزيرا الكهرباء في البلدين اتفاقية لتوسيع خط الربط الكهربائي عبر الحدود الجنوبية.",
    "حکام کے مطابق اس منصوبے سے وسطی ایشیا کے ساتھ تجارت کا حجم کئی گنا بڑھنے کی توقع ہے۔",
    "अधिकारियों के अनुसार इस परियोजना से दोनों देशों के बीच व्यापार को बढ़ावा मिलेगा।",
])
def test_prose_in_other_scripts(text):
    ln = _Line(0, len(text), text, _words(text))
    assert ln.sentence and ln.texty()


def test_capitalised_nouns_do_not_make_a_headline():
    text = "Polens Regierungschef Piotr Nowicki lobte Deutschlands Engagement."
    ln = _Line(0, len(text), text, _words(text))
    assert not ln.headline and ln.sentence
    title = "Berlin Und Warschau Vereinbaren Gemeinsamen Ausbau"
    assert _Line(0, len(title), title, _words(title)).headline


@pytest.mark.parametrize("line, name", [
    ("Par Jeanne Martin", "Jeanne Martin"),
    ("Von Hans Müller, Berlin", "Hans Müller, Berlin"),
    ("Автор: Иван Петров", "Иван Петров"),
    ("بقلم: أحمد حسن", "أحمد حسن"),
    ("记者：王小明", "王小明"),
    ("本报驻伊斯兰堡记者 李华", "李华"),
    ("김민준 기자 minjun@example.kr", "김민준"),
    ("Publié le 2 février 2024 par Élodie Traoré", "Élodie Traoré"),
    ("عمان - كتب: خالد العمري", "خالد العمري"),
])
def test_foreign_bylines(line, name):
    assert byline_name(line) == name


def test_no_byline_in_a_sentence():
    assert byline_name("Di Jakarta, para menteri bertemu untuk membahas kerja sama laut dan perdagangan.") is None


@pytest.mark.parametrize("raw, names", [
    ("Por Lucía Fernández y Diego Ramírez, enviados especiales", ["Lucía Fernández", "Diego Ramírez"]),
    ("von Anna Schmidt und Jonas Weber", ["Anna Schmidt", "Jonas Weber"]),
    ("Mehmet Yılmaz ve Ali Kaya", ["Mehmet Yılmaz", "Ali Kaya"]),
    ("王小明、李华", ["王小明", "李华"]),
    ("By John Y Smith", ["John Y Smith"]),      # an upper-case initial is not the Spanish "y"
])
def test_several_authors(raw, names):
    assert _author_names(raw) == names


@pytest.mark.parametrize("text, expected", [
    ("أحمد حسن", True), ("د. محمد خان", True), ("王小明", True), ("राहुल शर्मा", True),
    ("أخبار عربية", False),       # a section label of the lexicon
    ("اقتصاد", False),            # one word
    ("Jane Doe", False),           # a cased script: looks_like_name decides
    ("中老两国签署铁路运营合作协议", False),   # too long for a name
])
def test_uncased_names(text, expected):
    from tieline.ingest.clean import uncased_name
    assert uncased_name(text) is expected


@pytest.mark.parametrize("opening, expected", [
    ("PARIS, 3 mars 2021 (AFP) - Le gouvernement a annoncé un nouvel accord avec ses voisins du sud.", "2021-03-03"),
    ("МОСКВА, 12 марта 2021. /ТАСС/. Россия и Казахстан подписали соглашение о строительстве газопровода.",
     "2021-03-12"),
    ("القاهرة، ٥ يونيو ٢٠٢٢ - أعلنت الحكومة توقيع اتفاقية جديدة مع السودان بشأن الربط الكهربائي بين البلدين.",
     "2022-06-05"),
    # a date inside the first sentence is the event's, not the page's
    ("Le ministre, arrivé le 3 mars 2021 à Paris, a signé un accord de coopération énergétique avec ses voisins.",
     None),
])
def test_dateline_opening_the_body(opening, expected):
    raw = (f"Un titre pour la page\n\n{opening}\n\n"
           "Les deux délégations ont signé un accord sur le gaz naturel et la coopération énergétique.\n")
    assert extract_meta(raw, clean_text(raw), {})["published"] == expected


@pytest.mark.parametrize("line", [
    "Text messages were sent to all staff",              # 'Text' is a byline label only with a colon
    "Oleh karena itu pemerintah menaikkan harga.",       # 'oleh' opens sentences too
    "كتب الرئيس رسالة إلى نظيره في الخرطوم أمس.",           # 'كتب' (wrote) without a colon
])
def test_byline_words_in_sentences(line):
    assert byline_name(line) is None


def test_labelled_date_beats_the_site_date_bar():
    raw = ("Lundi 5 juin 2023\nAccueil | Monde | Économie\n\n"
           "Le Maroc et la Mauritanie relancent leur route commerciale\n\nPar Karim Benali\n\n"
           "Mis à jour le 4 juin 2023 à 19h00\n\nPublié le 3 juin 2023 à 08h00\n\n"
           "Les gouvernements des deux pays ont annoncé la réouverture complète du poste frontalier aux camions.\n\n"
           "Selon les douanes, plus de deux cents poids lourds franchissent désormais la frontière chaque jour.\n")
    meta = extract_meta(raw, clean_text(raw), {})
    assert meta["published"] == "2023-06-03"
    assert meta["author"] == "Karim Benali"
    assert meta["title"] == "Le Maroc et la Mauritanie relancent leur route commerciale"


@pytest.mark.parametrize("line, name", [
    ("2023-08-21 14:02:11 来源：环球经贸网 作者：刘洋", "刘洋"),
    ("22.09.2021 | Autor: Jan Novak | Quelle: dpa", "Jan Novak"),
    ("作者：刘洋 编辑：王五", "刘洋"),
])
def test_labelled_author_among_other_fields(line, name):
    assert byline_name(line) == name


def test_page_without_full_stops_keeps_its_paragraphs():
    paras = ["وقعت الحكومتان اتفاقا جديدا يهدف إلى تنمية المناطق الحدودية المشتركة وتحسين ظروف عيش السكان فيها",
             "ويشمل الاتفاق إنشاء منطقة تجارة حرة قرب المعبر الحدودي الرئيسي بين البلدين خلال العامين المقبلين",
             "وقال وزير التجارة إن المشروع سيوفر آلاف فرص العمل للشباب في المحافظات الداخلية من البلاد"]
    raw = "عنوان الخبر هنا\n\n" + "\n\n".join(paras) + "\n\nتابعونا على فيسبوك\n"
    body = [p.text for p in clean_text(raw).paragraphs]
    assert body == paras


def test_punctuated_page_is_not_relaxed():
    # one long line without a stop among punctuated paragraphs stays a non-sentence (a menu here)
    raw = ("Accueil Monde Économie Culture Sport Sciences Santé Voyages Emploi Immobilier Éducation Débats\n\n"
           "Les deux pays voisins ont conclu mardi un accord qui fixe le partage des revenus du champ gazier.\n\n"
           "Le texte prévoit que chaque État recevra la moitié des recettes pendant les dix premières années.\n\n"
           "Les premières livraisons de gaz liquéfié sont attendues à la fin de l’année prochaine, selon eux.\n")
    body = "\n".join(p.text for p in clean_text(raw).paragraphs)
    assert "Accueil" not in body and "partage des revenus" in body
