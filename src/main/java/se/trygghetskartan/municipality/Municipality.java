package se.trygghetskartan.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.trygghetskartan.system.TrackedEntity;

/** The stored settings; the first row is written by MunicipalitySeed, others by installation admins. */
@Entity
@Table(name = "municipality")
class Municipality extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private String code;

	@Column(name = "min_lon")
	private double minLon;

	@Column(name = "min_lat")
	private double minLat;

	@Column(name = "max_lon")
	private double maxLon;

	@Column(name = "max_lat")
	private double maxLat;

	@Column(name = "start_lon")
	private Double startLon;

	@Column(name = "start_lat")
	private Double startLat;

	@Column(name = "start_zoom")
	private Double startZoom;

	@Column(name = "tile_url")
	private String tileUrl;

	@Column(name = "tile_attribution")
	private String tileAttribution;

	@Column(name = "max_zoom")
	private int maxZoom;

	@Column(name = "contact_email")
	private String contactEmail;

	@Column(name = "accessibility_contact")
	private String accessibilityContact;

	protected Municipality() {
	}

	/** A new municipality (not the default) with these settings. */
	Municipality(String slug, String code, SettingsDraft draft) {
		this.slug = slug;
		this.code = code;
		apply(draft);
	}

	@Override
	public Long getId() {
		return id;
	}

	void apply(SettingsDraft draft) {
		this.name = draft.name();
		this.minLon = draft.extent().minLon();
		this.minLat = draft.extent().minLat();
		this.maxLon = draft.extent().maxLon();
		this.maxLat = draft.extent().maxLat();
		this.startLon = draft.startView() == null ? null : draft.startView().lon();
		this.startLat = draft.startView() == null ? null : draft.startView().lat();
		this.startZoom = draft.startView() == null ? null : draft.startView().zoom();
		this.tileUrl = draft.tileUrl();
		this.tileAttribution = draft.tileAttribution();
		this.maxZoom = draft.maxZoom();
		this.contactEmail = draft.contactEmail();
		this.accessibilityContact = draft.accessibilityContact();
	}

}
