package org.policygraph.extraction;

/** The kind of a party document, from the word before its number or from its code. */
public enum DocumentType {

	/** Nghị quyết (NQ). */
	RESOLUTION,

	/** Chỉ thị (CT). */
	DIRECTIVE,

	/** Kết luận (KL). */
	CONCLUSION,

	/** Quy định (QĐi, QĐ after "Quy định"). */
	REGULATION,

	/** Quyết định (QĐ after "Quyết định"). */
	DECISION,

	/** Hướng dẫn (HD). */
	GUIDANCE,

	/** Kế hoạch (KH). */
	PLAN,

	/** Thông báo, thông tri (TB). */
	NOTICE,

	/** Chương trình (hành động) (CTr). */
	PROGRAMME,

	/** Báo cáo (BC). */
	REPORT,

	/** Đề án (ĐA). */
	PROJECT,

	/** Quy chế, tờ trình, công văn and anything else. */
	OTHER

}
