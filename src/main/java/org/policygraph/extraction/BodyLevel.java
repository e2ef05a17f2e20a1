package org.policygraph.extraction;

/** The level of a party body. */
public enum BodyLevel {

	/**
	 * Ban Chấp hành Trung ương, Bộ Chính trị, central commissions and central party
	 * committees.
	 */
	CENTRAL,

	/** Tỉnh ủy / Thành ủy of a provincial unit and their organs. */
	PROVINCIAL,

	/** Huyện ủy, Quận ủy, Thị ủy, Thành ủy of a provincial city, and their organs. */
	DISTRICT,

	/** Party committees of communes, wards and other grass-roots organisations. */
	GRASSROOTS,

	/** Anything else. */
	OTHER

}
