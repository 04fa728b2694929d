"""Published dates of pages in other languages (pages invented for these tests)."""
import pytest

from tieline.ingest.clean import clean_text
from tieline.ingest.meta import extract_meta

BODY = {
    "fr": ("Le ministre des Affaires étrangères a reçu son homologue à Paris pour discuter de la coopération "
           "énergétique entre les deux pays. Les deux délégations ont signé un accord sur le gaz naturel."),
    "de": ("Die Außenministerin empfing ihren Amtskollegen in Berlin, um über die Zusammenarbeit im "
           "Energiebereich zu sprechen. Beide Delegationen unterzeichneten ein Abkommen über Erdgas."),
    "zh": ("两国外交部长在北京举行会谈，讨论能源合作问题。双方代表团签署了一项关于天然气供应的协议，"
           "并同意在明年继续举行磋商。会谈持续了三个小时，双方都表示满意。"),
    "ar": ("استقبل وزير الخارجية نظيره في العاصمة لبحث التعاون في مجال الطاقة بين البلدين. ووقع الوفدان "
           "اتفاقية بشأن الغاز الطبيعي، واتفقا على مواصلة المشاورات في العام المقبل."),
}


@pytest.mark.parametrize("lang, date_line, expected", [
    ("fr", "Publié le 29 mai 2021", "2021-05-29"),
    ("de", "Veröffentlicht am 3. März 2022, 10:15 Uhr", "2022-03-03"),
    ("zh", "2021年5月29日", "2021-05-29"),
    ("ar", "نشر في ٥ يونيو ٢٠٢٢", "2022-06-05"),
])
def test_header_date_in_other_languages(lang, date_line, expected):
    raw = f"Titre de la page\n\n{date_line}\n\n{BODY[lang]}\n\n{BODY[lang]}\n"
    cleaned = clean_text(raw)
    meta = extract_meta(raw, cleaned, {})
    assert meta["published"] == expected
