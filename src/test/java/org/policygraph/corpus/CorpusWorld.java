package org.policygraph.corpus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.policygraph.corpus.CentralDocument.CentralKind;
import org.policygraph.corpus.LocalDocument.LocalKind;
import org.policygraph.reference.Era;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;

import org.jspecify.annotations.Nullable;

/**
 * The fixed world a corpus is written about, derived from the seed alone: a few hundred
 * central documents of terms X–XIII ranked by popularity, the provincial units before and
 * after 1-7-2025, and, derived on demand, the local documents each province issued to
 * carry out each central document. Its size does not depend on the number of articles.
 */
final class CorpusWorld {

	static final LocalDate FIRST_PUBLISHED = LocalDate.of(2008, 1, 1);

	static final LocalDate LAST_PUBLISHED = LocalDate.of(2026, 6, 30);

	/** Number of central documents. */
	static final int CENTRAL_DOCUMENTS = 320;

	/**
	 * The exponent of the Zipf law that picks the central document an article is about.
	 */
	static final double ZIPF_EXPONENT = 1.0;

	/** Terms of the Central Committee: name, first day, last day. */
	static final List<Term> TERMS = List.of(new Term("X", LocalDate.of(2006, 4, 25), LocalDate.of(2011, 1, 18)),
			new Term("XI", LocalDate.of(2011, 1, 19), LocalDate.of(2016, 1, 27)),
			new Term("XII", LocalDate.of(2016, 1, 28), LocalDate.of(2021, 1, 31)),
			new Term("XIII", LocalDate.of(2021, 2, 1), LocalDate.of(2026, 1, 22)));

	/** National party congresses: number and closing day. */
	static final List<Term> CONGRESSES = List.of(new Term("X", LocalDate.of(2006, 4, 25), null),
			new Term("XI", LocalDate.of(2011, 1, 19), null), new Term("XII", LocalDate.of(2016, 1, 28), null),
			new Term("XIII", LocalDate.of(2021, 2, 1), null), new Term("XIV", LocalDate.of(2026, 1, 23), null));

	private static final String[] SUBJECTS = {
			"Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên",
			"Nâng cao chất lượng sinh hoạt chi bộ",
			"Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
			"Tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "Công tác quy hoạch cán bộ lãnh đạo, quản lý",
			"Tăng cường công tác phát triển đảng viên", "Công tác kiểm tra, giám sát và kỷ luật của Đảng",
			"Trách nhiệm nêu gương của cán bộ, đảng viên",
			"Tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
			"Công tác dân vận trong tình hình mới",
			"Đánh giá, xếp loại chất lượng hằng năm đối với tổ chức đảng, đảng viên",
			"Tăng cường công tác bảo vệ chính trị nội bộ", "Công tác đào tạo, bồi dưỡng cán bộ",
			"Chiến lược công tác cán bộ thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa",
			"Xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược", "Tăng cường công tác tư tưởng, lý luận",
			"Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
			"Phòng, chống tham nhũng, lãng phí", "Những điều đảng viên không được làm", "Thi hành Điều lệ Đảng",
			"Công tác thi đua, khen thưởng trong Đảng",
			"Xây dựng tổ chức đảng trong các doanh nghiệp ngoài khu vực nhà nước",
			"Công tác xây dựng Đảng ở vùng đồng bào dân tộc thiểu số",
			"Nâng cao chất lượng đảng viên và tổ chức đảng ở nông thôn",
			"Tăng cường sự lãnh đạo của Đảng đối với công tác thông tin cơ sở", "Đổi mới phương thức lãnh đạo của Đảng",
			"Chế độ tiền lương đối với cán bộ, công chức, viên chức", "Kiểm soát quyền lực trong công tác cán bộ",
			"Công tác luân chuyển cán bộ lãnh đạo, quản lý",
			"Khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung" };

	private static final String[] LOCAL_SUBJECTS = { "Triển khai thực hiện trong Đảng bộ giai đoạn {R}",
			"Nâng cao chất lượng tổ chức cơ sở đảng và đảng viên trong Đảng bộ giai đoạn {R}",
			"Một số nội dung nâng cao chất lượng sinh hoạt chi bộ", "Tổ chức thực hiện trên địa bàn giai đoạn {R}",
			"Đẩy mạnh công tác xây dựng Đảng giai đoạn {R}", "Tăng cường công tác cán bộ giai đoạn {R}" };

	private final long seed;

	private final List<CentralDocument> central;

	private final double[] zipfCdf;

	private final List<ProvinceUnit> before;

	private final List<ProvinceUnit> after;

	private final Map<String, Integer> ordinal = new HashMap<>();

	private final Map<String, Integer> congressBase = new HashMap<>();

	CorpusWorld(long seed, ProvinceGazetteer gazetteer) {
		this.seed = seed;
		SplittableRandom random = new SplittableRandom(mix(seed, 1, 0));
		this.central = centralDocuments(random);
		this.zipfCdf = zipf(this.central.size(), ZIPF_EXPONENT);
		this.before = gazetteer.pre2025();
		this.after = gazetteer.post2025();
		List<ProvinceUnit> all = gazetteer.all();
		for (int i = 0; i < all.size(); i++) {
			this.ordinal.put(all.get(i).key(), i);
			this.congressBase.put(all.get(i).key(), 14 + random.nextInt(4));
		}
	}

	/** The central documents, most popular first. */
	List<CentralDocument> central() {
		return this.central;
	}

	/**
	 * The central document an article is about: rank k with probability proportional to
	 * 1/(k+1)^s.
	 */
	CentralDocument pickCentral(RandomGenerator random) {
		double u = random.nextDouble();
		int lo = 0;
		int hi = this.zipfCdf.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.zipfCdf[mid] < u) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return this.central.get(lo);
	}

	/**
	 * The share of articles about the document of rank {@code rank} (0-based) under the
	 * Zipf law.
	 */
	double zipfShare(int rank) {
		return rank == 0 ? this.zipfCdf[0] : this.zipfCdf[rank] - this.zipfCdf[rank - 1];
	}

	/**
	 * The provincial units that existed on {@code date}: the 63 before 1-7-2025, the 34
	 * from then on.
	 */
	List<ProvinceUnit> provincesOn(LocalDate date) {
		return date.isBefore(ProvinceGazetteer.MERGER_DATE) ? this.before : this.after;
	}

	/** The national congress in force on {@code date}. */
	static String congressOn(LocalDate date) {
		String current = CONGRESSES.get(0).name();
		for (Term t : CONGRESSES) {
			if (!t.first().isAfter(date)) {
				current = t.name();
			}
		}
		return current;
	}

	/** The number of the provincial congress in force on {@code date} ({@code XVIII}). */
	String provincialCongressOn(ProvinceUnit unit, LocalDate date) {
		int base = this.congressBase.get(unit.key());
		int index = 0;
		for (int i = 0; i < CONGRESSES.size(); i++) {
			if (!CONGRESSES.get(i).first().isAfter(date)) {
				index = i;
			}
		}
		return roman(base + index);
	}

	/**
	 * The local documents {@code unit} issued to carry out {@code doc}: one or two, dated
	 * after it (after 1-7-2025 for a unit formed then). The same arguments always give
	 * the same documents.
	 */
	List<LocalDocument> localDocuments(ProvinceUnit unit, CentralDocument doc) {
		SplittableRandom random = new SplittableRandom(
				mix(this.seed, 2 + this.ordinal.get(unit.key()), this.central.indexOf(doc)));
		int count = random.nextInt(10) < 7 ? 1 : 2;
		List<LocalDocument> out = new ArrayList<>(count);
		LocalDate date = doc.issuedOn().plusDays(10 + random.nextInt(200));
		if (unit.era() == Era.POST_2025 && date.isBefore(ProvinceGazetteer.MERGER_DATE)) {
			date = ProvinceGazetteer.MERGER_DATE.plusDays(5 + random.nextInt(150));
		}
		LocalKind first = doc.kind() == CentralKind.ORGANISATION_GUIDANCE ? LocalKind.ORGANISATION_GUIDANCE
				: pick(random, LocalKind.PLAN, LocalKind.PLAN, LocalKind.PLAN, LocalKind.PROGRAMME, LocalKind.PROGRAMME,
						LocalKind.RESOLUTION, LocalKind.DIRECTIVE, LocalKind.GUIDANCE);
		out.add(local(random, first, date, unit));
		if (count == 2) {
			LocalKind second = first == LocalKind.ORGANISATION_GUIDANCE ? LocalKind.PLAN
					: LocalKind.ORGANISATION_GUIDANCE;
			out.add(local(random, second, date.plusDays(3 + random.nextInt(40)), unit));
		}
		return out;
	}

	private static LocalDocument local(SplittableRandom random, LocalKind kind, LocalDate date, ProvinceUnit unit) {
		int number = kind.suffix().equals("BTCTU") ? 1 + random.nextInt(60)
				: 1 + random.nextInt(kind == LocalKind.PLAN ? 280 : 90);
		String subject = LOCAL_SUBJECTS[random.nextInt(LOCAL_SUBJECTS.length)];
		int from = date.getYear();
		subject = subject.replace("{R}", from + " - " + (from + 5));
		return new LocalDocument(number(number), kind, date, unit, subject);
	}

	private static List<CentralDocument> centralDocuments(SplittableRandom random) {
		List<CentralDocument> byDate = new ArrayList<>();
		int perTerm = CENTRAL_DOCUMENTS / TERMS.size();
		for (Term term : TERMS) {
			Map<CentralKind, Integer> counters = new HashMap<>();
			long days = ChronoUnit.DAYS.between(term.first(), term.last()) - 40;
			List<LocalDate> dates = new ArrayList<>();
			for (int i = 0; i < perTerm; i++) {
				dates.add(term.first().plusDays(20 + random.nextLong(days)));
			}
			dates.sort(null);
			for (LocalDate date : dates) {
				CentralKind kind = pick(random, CentralKind.RESOLUTION, CentralKind.RESOLUTION, CentralKind.RESOLUTION,
						CentralKind.DIRECTIVE, CentralKind.DIRECTIVE, CentralKind.CONCLUSION, CentralKind.CONCLUSION,
						CentralKind.CONCLUSION, CentralKind.REGULATION, CentralKind.GUIDANCE,
						CentralKind.ORGANISATION_GUIDANCE, CentralKind.ORGANISATION_GUIDANCE);
				int n = counters.merge(kind, 1 + random.nextInt(kind == CentralKind.CONCLUSION ? 12 : 5), Integer::sum);
				CentralIssuer issuer = switch (kind) {
					case RESOLUTION -> random.nextBoolean() ? CentralIssuer.CENTRAL_COMMITTEE : CentralIssuer.POLITBURO;
					case DIRECTIVE, CONCLUSION ->
						random.nextBoolean() ? CentralIssuer.POLITBURO : CentralIssuer.SECRETARIAT;
					case REGULATION -> CentralIssuer.CENTRAL_COMMITTEE;
					case GUIDANCE -> CentralIssuer.SECRETARIAT;
					case ORGANISATION_GUIDANCE -> CentralIssuer.ORGANISATION_COMMISSION;
				};
				CentralDocument continues = null;
				if (kind == CentralKind.CONCLUSION && !byDate.isEmpty() && random.nextInt(3) == 0) {
					CentralDocument older = byDate.get(random.nextInt(byDate.size()));
					if (older.kind() == CentralKind.DIRECTIVE || older.kind() == CentralKind.RESOLUTION) {
						continues = older;
					}
				}
				String subject = continues != null ? continues.subject() : SUBJECTS[random.nextInt(SUBJECTS.length)];
				byDate.add(new CentralDocument(number(n), kind, date, term.name(), issuer, subject, continues));
			}
		}
		// Popularity: a seeded shuffle, so that the most cited documents come from any
		// term.
		List<CentralDocument> ranked = new ArrayList<>(byDate);
		for (int i = ranked.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			CentralDocument t = ranked.get(i);
			ranked.set(i, ranked.get(j));
			ranked.set(j, t);
		}
		return List.copyOf(ranked);
	}

	private static double[] zipf(int n, double s) {
		double[] cdf = new double[n];
		double sum = 0;
		for (int k = 0; k < n; k++) {
			sum += 1.0 / Math.pow(k + 1, s);
			cdf[k] = sum;
		}
		for (int k = 0; k < n; k++) {
			cdf[k] /= sum;
		}
		cdf[n - 1] = 1.0;
		return cdf;
	}

	/** A document number as written: two digits at least ({@code 08}). */
	static String number(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

	@SafeVarargs
	static <T> T pick(RandomGenerator random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	static long mix(long seed, long a, long b) {
		long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static String roman(int n) {
		String[] tens = { "", "X", "XX", "XXX" };
		String[] units = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX" };
		return tens[n / 10] + units[n % 10];
	}

	/** A term or congress: its name and first (and last) day. */
	record Term(String name, LocalDate first, @Nullable LocalDate last) {
	}

}
