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
