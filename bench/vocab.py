"""Vietnamese words and name parts the synthetic archive is composed from (real words, NFC)."""

# Common words of bilateral-relations news (compounds kept whole) and function words; sentences
# are drawn from these, so the text has the letters, diacritics and word lengths of the real pages.
WORDS = [w.strip() for w in """
hai nước, hợp tác, phát triển, quan hệ, hữu nghị, đoàn kết, đặc biệt, toàn diện, chiến lược,
lãnh đạo, Đảng, Nhà nước, nhân dân, Chính phủ, Quốc hội, đồng chí, đoàn đại biểu, cấp cao,
thăm chính thức, hội đàm, hội kiến, tiếp xúc, làm việc, trao đổi, thông tin, kinh nghiệm,
khẳng định, nhấn mạnh, đánh giá cao, ghi nhận, cảm ơn, chúc mừng, tin tưởng, mong muốn,
đề nghị, nhất trí, thống nhất, tiếp tục, tăng cường, thúc đẩy, đẩy mạnh, mở rộng, nâng cao,
củng cố, vun đắp, giữ gìn, bảo vệ, phát huy, truyền thống, tốt đẹp, gắn bó, thủy chung,
trong sáng, mẫu mực, hiếm có, lịch sử, thế giới, khu vực, quốc tế, ASEAN, diễn đàn, đa phương,
kinh tế, thương mại, đầu tư, giao thông, vận tải, năng lượng, điện, viễn thông, du lịch,
giáo dục, đào tạo, nguồn nhân lực, chất lượng cao, khoa học, công nghệ, chuyển đổi số,
nông nghiệp, y tế, văn hóa, thể thao, báo chí, tuyên truyền, thanh niên, phụ nữ,
quốc phòng, an ninh, biên giới, cửa khẩu, trật tự, an toàn, xã hội, tội phạm, ma túy,
dự án, công trình, trọng điểm, tiến độ, hiệu quả, thiết thực, thực chất, chiều sâu,
cơ chế, chính sách, pháp lý, văn kiện, thỏa thuận, biên bản, ghi nhớ, kế hoạch, chương trình,
giai đoạn, năm, tháng, ngày, thời gian tới, thời gian qua, những năm qua, trong bối cảnh,
tình hình, biến động, phức tạp, khó khăn, thách thức, cơ hội, tiềm năng, thế mạnh,
địa phương, tỉnh, thành phố, huyện, xã, bản làng, vùng, miền núi, đồng bằng,
Thủ đô Hà Nội, Vientiane, Luang Prabang, Savannakhet, Champasak, Đà Nẵng, Nghệ An,
Thanh Hóa, Quảng Trị, Điện Biên, Sơn La, Kon Tum, Hà Tĩnh, Quảng Bình, Attapeu, Sekong,
Houaphanh, Xiengkhouang, Bolikhamxay, Khammouane, Salavan, Oudomxay, Phongsaly,
lễ kỷ niệm, ngày thiết lập, quan hệ ngoại giao, Quốc khánh, thành lập Đảng,
Đại hội đại biểu toàn quốc, Nghị quyết, Ban Chấp hành Trung ương, Bộ Chính trị,
Ban Bí thư, Ủy ban Kiểm tra, Mặt trận Tổ quốc, Liên hiệp các tổ chức hữu nghị,
Bộ Ngoại giao, Bộ Công an, Bộ Quốc phòng, Bộ Tài chính, Bộ Công Thương, Bộ Kế hoạch và Đầu tư,
Bộ Giáo dục và Đào tạo, Bộ Y tế, Bộ Tư pháp, Ngân hàng Nhà nước, Ủy ban liên Chính phủ,
sinh viên, học bổng, trường học, bệnh viện, đường cao tốc, đường sắt, cảng biển, sân bay,
hàng hóa, xuất khẩu, nhập khẩu, kim ngạch, tăng trưởng, doanh nghiệp, nhà đầu tư, vốn,
tỷ đồng, triệu đô la, phần trăm, so với cùng kỳ, kết quả, tích cực, đáng khích lệ,
bày tỏ, vui mừng, xúc động, trân trọng, sâu sắc, chân thành, nồng nhiệt, long trọng,
trọng thể, nghi thức, tiễn, đón, Phủ Chủ tịch, Trụ sở Trung ương, Nhà Quốc hội,
phát biểu, diễn văn, bài viết, tọa đàm, hội thảo, hội nghị, tổng kết, sơ kết,
triển khai, thực hiện, nghiêm túc, đồng bộ, kịp thời, quyết liệt, linh hoạt, sáng tạo,
bền vững, lâu dài, ổn định, hòa bình, độc lập, chủ quyền, thống nhất, toàn vẹn lãnh thổ,
phồn vinh, thịnh vượng, hạnh phúc, ấm no, tiến bộ, công bằng, văn minh, dân chủ,
lý luận, thực tiễn, công tác, xây dựng, chỉnh đốn, tổ chức, cán bộ, kiểm tra, giám sát,
đối ngoại, giao lưu, gặp gỡ, thắt chặt, tình cảm, tin cậy, lẫn nhau,
ủng hộ, giúp đỡ, hỗ trợ, viện trợ, không hoàn lại, phối hợp, chặt chẽ, thường xuyên,
sông Mê Kông, Trường Sơn, dãy núi, hồ, thủy điện, mỏ, khoáng sản, rừng, nguyên liệu,
nhiệm kỳ, bầu cử, đại biểu, kỳ họp, phiên họp, báo cáo, tờ trình, phê chuẩn,
của, và, với, trong, cho, các, những, đã, sẽ, đang, được, là, có, để, về, theo, từ, tại, giữa, nhằm
""".replace("\n", " ").split(",")]

# Subheadings and the opening of an enumeration, as papers set them.
HEADINGS = [
    "Quan hệ chính trị là trụ cột, giữ vai trò định hướng tổng thể",
    "Tăng cường hợp tác giữa hai cơ quan lập pháp",
    "Đưa hợp tác kinh tế tương xứng với quan hệ chính trị",
    "Thắt chặt tình đoàn kết đặc biệt giữa hai dân tộc",
    "Phối hợp chặt chẽ trên các diễn đàn đa phương",
    "Giáo dục, đào tạo là nhiệm vụ chiến lược lâu dài",
    "Bảo đảm quốc phòng, an ninh khu vực biên giới",
    "Kết nối hạ tầng, mở rộng không gian phát triển",
]
LIST_INTROS = ["Các văn kiện gồm:", "Các văn kiện được trao gồm:", "Hai bên đã ký kết:"]

# Name parts: Vietnamese family, middle and given names; Lao given and family names (romanised
# as the Vietnamese press prints them).
VN_FAMILY = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương "
             "Mai Tô Trịnh Đào Cao Hà Lâm Kiều Thái Tạ Quách Chu").split()
VN_MIDDLE = "Văn Thị Minh Đức Quốc Thanh Hồng Xuân Thu Hữu Ngọc Anh Quang Công Trọng Đình Kim Bá Mạnh Thế".split()
VN_GIVEN = ("Hùng Dũng Cường Lâm Tú Mẫn Chính Sơn Hưng Hải Long Phúc Thắng Thưởng Huệ Ngân Vượng Bình "
            "Thành Trung Tâm Nam Khánh Toàn Tuấn Hiếu Nghĩa Thuận Lợi Hòa Lan Hương Mai Hạnh Phong "
            "Quân Vinh Định Kiên Luận Tiến Hiển Đạt Bảo Khang Lộc Tài Trí Thiện Tùng Việt Vũ Yên Nhàn "
            "Thảo Nhung Oanh Quyên Thư Trang Uyên Xuyến").split()
LAO_GIVEN = ("Bounthong Sonexay Thongloun Phankham Saleumxay Khamphan Somdy Bounnhang Xaysomphone "
             "Chansamone Viengthong Kikeo Sinlay Souvanny Phouthong Khampheng Thipphakone Vilay "
             "Santiphap Bounkham Sisay Khamla Phoukhong Somsavat Bouasone Thongsing Pany Sengphet "
             "Vansay Khamtay Souphan Bounpone Chanthala Inpeng Keomany Outhai").split()
LAO_FAMILY = ("Sisoulith Chitmany Siphandone Kommasith Viphavanh Douangchay Chanthavong Phommachanh "
              "Keobounphanh Sengdara Inthavong Sayavong Vongsay Phimmasone Khounnavong Lengsavad "
              "Bouphavanh Yathotou Sayasone Xaysana Thammavong Vongkhamsao Phetsomphou Luangkhot "
              "Soulivong Manivong Bounyavong Chaleunsouk Keomanivong Souphanouvong Vorachith "
              "Phanthavong Rattanavong Sihalath Duangdeuane Xayavong").split()

VN_ROLES = ["Tổng Bí thư", "Chủ tịch nước", "Thủ tướng Chính phủ", "Chủ tịch Quốc hội",
            "Thường trực Ban Bí thư", "Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao", "Bộ trưởng Bộ Quốc phòng",
            "Bộ trưởng Bộ Công an", "Trưởng ban Đối ngoại Trung ương", "Phó Chủ tịch Quốc hội",
            "Bí thư Tỉnh ủy", "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]
LAO_ROLES = ["Tổng Bí thư, Chủ tịch nước Lào", "Thủ tướng Lào", "Chủ tịch Quốc hội Lào",
             "Phó Chủ tịch nước Lào", "Phó Thủ tướng Lào", "Bộ trưởng Ngoại giao Lào",
             "Bộ trưởng Quốc phòng Lào", "Bộ trưởng An ninh Lào", "Trưởng ban Đối ngoại Trung ương Đảng NDCM Lào",
             "Tỉnh trưởng", "Chủ tịch Mặt trận Lào xây dựng đất nước"]

EVENT_KINDS = {
    "visit": "Chuyến thăm chính thức {place} của đoàn đại biểu cấp cao",
    "talks": "Hội đàm cấp cao Việt Nam - Lào tại {place}",
    "meeting": "Kỳ họp Ủy ban liên Chính phủ Việt Nam - Lào tại {place}",
    "conference": "Hội nghị hợp tác {field} Việt Nam - Lào tại {place}",
    "ceremony": "Lễ kỷ niệm quan hệ hữu nghị Việt Nam - Lào tại {place}",
}
PLACES = ["Hà Nội", "Vientiane", "Luang Prabang", "Savannakhet", "Champasak", "Đà Nẵng", "Nghệ An",
          "Thanh Hóa", "Quảng Trị", "Điện Biên", "Sơn La", "Kon Tum", "Hà Tĩnh", "Houaphanh", "Xiengkhouang"]
FIELDS = ["giáo dục", "y tế", "năng lượng", "giao thông", "nông nghiệp", "du lịch", "tư pháp", "quốc phòng",
          "an ninh", "thương mại", "đầu tư", "văn hóa", "thông tin", "ngân hàng"]
MINISTRIES = ["Bộ Ngoại giao", "Bộ Công an", "Bộ Quốc phòng", "Bộ Tư pháp", "Bộ Y tế", "Bộ Công Thương",
              "Bộ Tài chính", "Bộ Giáo dục và Đào tạo", "Bộ Nông nghiệp", "Bộ Xây dựng", "Bộ Văn hóa"]
AGREEMENT_KINDS = {"memorandum": "Biên bản ghi nhớ", "agreement": "Thỏa thuận hợp tác",
                   "plan": "Kế hoạch hợp tác", "protocol": "Nghị định thư"}
AUTHORS = ["Dương Ngọc", "Hải Long", "Thống Nhất", "Quốc Chính", "Duy Linh", "Minh Anh", "Thu Hằng",
           "Văn Điệp", "Ngọc Hà", "Phương Thảo"]
