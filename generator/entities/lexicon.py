"""Word lists the entity finder reads text with: official titles, surnames, places, countries (all folded)."""
from __future__ import annotations

import re

# Official titles that may stand right before a personal name (longest first when compiled).
# Folded (no diacritics, lower case); "dong chi" is the only one also trusted in lower case.
TITLES = (
    "tong bi thu", "chu tich nuoc", "pho chu tich nuoc", "chu tich quoc hoi", "pho chu tich quoc hoi",
    "chu tich", "pho chu tich", "thu tuong", "pho thu tuong", "thu tuong chinh phu", "pho thu tuong chinh phu",
    "bo truong", "thu truong", "thuong truc ban bi thu", "bi thu", "pho bi thu", "bi thu tinh uy",
    "bi thu thanh uy", "pho bi thu tinh uy", "pho bi thu thuong truc", "dai su", "tong lanh su", "lanh su",
    "truong ban", "pho truong ban", "chu nhiem", "pho chu nhiem", "chanh van phong", "pho chanh van phong",
    "tinh truong", "pho tinh truong", "do truong", "pho do truong", "thong doc", "pho thong doc",
    "tong thu ky", "pho tong thu ky", "tong cuc truong", "cuc truong", "tu lenh", "pho tu lenh",
    "tong tham muu truong", "chinh uy", "chi huy truong", "giam doc", "pho giam doc", "vien truong",
    "chanh an", "vien truong vien kiem sat", "tong kiem toan", "truong doan", "pho truong doan",
    "uy vien bo chinh tri", "uy vien trung uong dang", "bi thu trung uong dang", "uy vien", "uvtw", "uv",
    "dai tuong", "thuong tuong", "trung tuong", "thieu tuong", "dai ta",
    "dong chi",
)
# Titles of spouses and of people who are not officials: never a start, and a name before one is skipped.
NOT_OFFICIAL = ("phu nhan", "phong vien", "nha bao", "bien tap vien", "anh", "tac gia", "nguon")

# Common Vietnamese surnames, as written: a Vietnamese personal name starts with one of these.
# Compared with diacritics, since folded "Đảng" (party) would be "Đặng".
SURNAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn lương trịnh mai lâm tô
hà cao chu trương lưu tạ thái quách vương kiều nông lò giàng triệu khúc tăng lại phùng từ âu đàm thân
châu hầu mạc tống la doãn diệp tiêu ông bế hứa lục đào kim lã nghiêm vi sùng lữ giáp khổng y
""".split())

# Country names as written (case matters: "Lào" is Laos, "lao động" is labour; "Lào Cai" is Vietnamese).
_LAOS = r"Lào|LÀO|Lao|LAO|Laos|CHDCND Lào|nước bạn|nuoc ban"
_VIETNAM = r"Việt Nam|VIỆT NAM|Viet Nam|Vietnam|VN|nước ta|nuoc ta"
_OTHER = (r"Campuchia|Thái Lan|Trung Quốc|Hoa Kỳ|Mỹ|Nga|Ấn Độ|Nhật Bản|Hàn Quốc|Pháp|Đức|Úc|Singapore|Indonesia|"
          r"Malaysia|Philippines|Myanmar|Brunei|Cuba|Triều Tiên|Liên Hợp Quốc|Trung Hoa|Cambodia|Thailand|China")
COUNTRY = re.compile(rf"(?<!\w)(?:(?P<LA>{_LAOS})(?!\s+(?:Cai|CAI|cai|động|Động|dong))|(?P<VN>{_VIETNAM})|(?P<other>{_OTHER}))(?!\w)")


# Places, folded → (country, display name). Provinces named after people are here on purpose.
PLACES = {
    "ha noi": ("VN", "Hà Nội"), "ho chi minh": ("VN", "Thành phố Hồ Chí Minh"),
    "da nang": ("VN", "Đà Nẵng"), "hai phong": ("VN", "Hải Phòng"), "can tho": ("VN", "Cần Thơ"), "hue": ("VN", "Huế"),  # "Huệ" (a name) folds the same: matched places are checked as written
    "nghe an": ("VN", "Nghệ An"), "ha tinh": ("VN", "Hà Tĩnh"), "quang binh": ("VN", "Quảng Bình"),
    "quang tri": ("VN", "Quảng Trị"), "quang nam": ("VN", "Quảng Nam"), "quang ngai": ("VN", "Quảng Ngãi"),
    "thanh hoa": ("VN", "Thanh Hóa"), "dien bien": ("VN", "Điện Biên"), "son la": ("VN", "Sơn La"),
    "lao cai": ("VN", "Lào Cai"), "lai chau": ("VN", "Lai Châu"), "kon tum": ("VN", "Kon Tum"),
    "gia lai": ("VN", "Gia Lai"), "dak lak": ("VN", "Đắk Lắk"), "lam dong": ("VN", "Lâm Đồng"),
    "cao bang": ("VN", "Cao Bằng"), "ha giang": ("VN", "Hà Giang"), "ha nam": ("VN", "Hà Nam"),
    "quang ninh": ("VN", "Quảng Ninh"), "thai nguyen": ("VN", "Thái Nguyên"), "thua thien hue": ("VN", "Thừa Thiên Huế"),
    "khanh hoa": ("VN", "Khánh Hòa"), "binh dinh": ("VN", "Bình Định"), "tay ninh": ("VN", "Tây Ninh"),
    "vung ang": ("VN", "Vũng Áng"), "dong ha": ("VN", "Đông Hà"), "noi bai": ("VN", "Hà Nội"),
    "tru so trung uong dang": ("VN", "Hà Nội"), "tru so chinh phu": ("VN", "Hà Nội"),
    "vientiane": ("LA", "Vientiane"), "vieng chan": ("LA", "Vientiane"),
    "luang prabang": ("LA", "Luang Prabang"), "luong pha bang": ("LA", "Luang Prabang"),
    "savannakhet": ("LA", "Savannakhet"), "xavannakhet": ("LA", "Savannakhet"), "champasak": ("LA", "Champasak"),
    "champasack": ("LA", "Champasak"), "pakse": ("LA", "Pakse"), "salavan": ("LA", "Salavan"),
    "sekong": ("LA", "Sekong"), "se kong": ("LA", "Sekong"), "attapeu": ("LA", "Attapeu"),
    "houaphanh": ("LA", "Houaphanh"), "houaphan": ("LA", "Houaphanh"), "hua phan": ("LA", "Houaphanh"),
    "xieng khouang": ("LA", "Xieng Khouang"), "xieng khoang": ("LA", "Xieng Khouang"), "xiengkhouang": ("LA", "Xieng Khouang"),
    "khammouane": ("LA", "Khammouane"), "kham muon": ("LA", "Khammouane"), "bolikhamxay": ("LA", "Bolikhamxay"),
    "borikhamxay": ("LA", "Bolikhamxay"), "bo ly kham xay": ("LA", "Bolikhamxay"), "oudomxay": ("LA", "Oudomxay"),
    "phongsaly": ("LA", "Phongsaly"), "luang namtha": ("LA", "Luang Namtha"), "bokeo": ("LA", "Bokeo"),
    "xaysomboun": ("LA", "Xaysomboun"), "xay som bun": ("LA", "Xaysomboun"), "sayaboury": ("LA", "Xayaboury"),
    "xayaboury": ("LA", "Xayaboury"), "thakhek": ("LA", "Thakhek"), "wattay": ("LA", "Vientiane"),
}
# Words that, right before a name, make it a place or an institution ("thành phố Kaysone Phomvihane").
# Written with diacritics and matched on the original text: folded, "phố" would be "Phó" (deputy).
PLACE_PREFIXES = (
    "thành phố", "TP", "TP.", "tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "đường", "phố", "đường mòn",
    "tư tưởng", "học viện", "trường", "đại học", "sân bay", "cầu", "cảng", "quảng trường", "công viên",
    "cộng sản", "bảo tàng", "giải thưởng", "huân chương", "kỷ niệm chương", "bến", "city", "province",
    "airport", "street", "ville de", "province de", "thanh pho", "tinh", "huyen", "san bay",
)

def alternation(words) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any run of spaces."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def country_in(text: str) -> str | None:
    """The first of "VN", "LA" or "other" a clause names, as written (None when it names none)."""
    m = COUNTRY.search(text)
    return m.lastgroup if m else None
