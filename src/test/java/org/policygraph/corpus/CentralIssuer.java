package org.policygraph.corpus;

import java.util.List;

import org.policygraph.reference.PartyBodyCatalog;

/**
 * The central bodies that issue the documents of the synthetic world, with the names
 * articles use.
 */
enum CentralIssuer {

	CENTRAL_COMMITTEE(PartyBodyCatalog.CENTRAL_COMMITTEE,
			List.of("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "BCH Trung ương Đảng",
					"BCH Trung ương")),
	POLITBURO(PartyBodyCatalog.POLITBURO, List.of("Bộ Chính trị")),
	SECRETARIAT(PartyBodyCatalog.SECRETARIAT, List.of("Ban Bí thư", "Ban Bí thư Trung ương Đảng")),
	ORGANISATION_COMMISSION(PartyBodyCatalog.CENTRAL_ORGANISATION_COMMISSION,
			List.of("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương Đảng"));

	private final String key;

	private final List<String> names;

	CentralIssuer(String key, List<String> names) {
		this.key = key;
		this.names = names;
	}

	/** The body key ({@code TW/bo-chinh-tri}). */
	String key() {
		return this.key;
	}

	/** The spellings articles use; the first is the canonical one. */
	List<String> names() {
		return this.names;
	}

}
