package org.policygraph.corpus;

import java.time.LocalDate;

import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceUnit;

/**
 * A document of a provincial party body in the synthetic world, issued to carry out a
 * central one.
 *
 * @param number the number as written
 * @param kind the type, suffix and issuer of its code
 * @param issuedOn the date of issue, after the central document it carries out
 * @param province the province of the issuing body on that date
 * @param subject the subject as written after {@code về}
 */
record LocalDocument(String number, LocalKind kind, LocalDate issuedOn, ProvinceUnit province, String subject) {

	String code() {
		return this.number + "-" + this.kind.typeCode() + "/" + this.kind.suffix();
	}

	/** The identity key: {@code 48-KH/TU|66|2008-04-28}. */
	String key() {
		return code() + "|" + this.province.key() + "|" + this.issuedOn;
	}

	/** The key of the issuing body ({@code 66/ban-thuong-vu-tinh-uy}). */
	String issuerKey() {
		return PartyBodyCatalog.localKey(this.province.key(), this.kind.head() + committee(this.province));
	}

	/** Whether the code alone names the issuer ({@code HD/BTCTU}: the Ban Tổ chức). */
	boolean issuerImpliedByCode() {
		return this.kind.suffix().equals("BTCTU");
	}

	/** {@code Tỉnh ủy}, or {@code Thành ủy} for a centrally-run city. */
	static String committee(ProvinceUnit unit) {
		return unit.isCity() ? "Thành ủy" : "Tỉnh ủy";
	}

	/** The type, code and issuing body of a local document. */
	enum LocalKind {

		PLAN("KH", "TU", "Kế hoạch", "Ban Thường vụ "), PROGRAMME("CTr", "TU", "Chương trình hành động", ""),
		RESOLUTION("NQ", "TU", "Nghị quyết", "Ban Thường vụ "), DIRECTIVE("CT", "TU", "Chỉ thị", "Ban Thường vụ "),
		GUIDANCE("HD", "TU", "Hướng dẫn", "Ban Thường vụ "),
		ORGANISATION_GUIDANCE("HD", "BTCTU", "Hướng dẫn", "Ban Tổ chức ");

		private final String typeCode;

		private final String suffix;

		private final String word;

		private final String head;

		LocalKind(String typeCode, String suffix, String word, String head) {
			this.typeCode = typeCode;
			this.suffix = suffix;
			this.word = word;
			this.head = head;
		}

		String typeCode() {
			return this.typeCode;
		}

		String suffix() {
			return this.suffix;
		}

		String word() {
			return this.word;
		}

		/**
		 * The head of the issuer's name before the committee ({@code "Ban Thường vụ "},
		 * or empty).
		 */
		String head() {
			return this.head;
		}

	}

}
