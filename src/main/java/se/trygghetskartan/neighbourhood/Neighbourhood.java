package se.trygghetskartan.neighbourhood;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import se.trygghetskartan.municipality.MunicipalityOwned;

/** A district: its slug (what URLs and other modules name it by) never changes; its name and area may. */
@Entity
@Table(name = "neighbourhood")
class Neighbourhood extends MunicipalityOwned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private String description;

	private MultiPolygon geom;

	protected Neighbourhood() {
	}

	Neighbourhood(String slug, String name, String description, Geometry area) {
		this.slug = slug;
		this.description = description;
		replace(name, area);
	}

	@Override
	public Long getId() {
		return id;
	}

	/** A new name and boundary, e.g. from the municipality's own file. */
	void replace(String name, Geometry area) {
		this.name = name;
		this.geom = area instanceof Polygon polygon
				? area.getFactory().createMultiPolygon(new Polygon[] { polygon }) : (MultiPolygon) area;
	}

	void describe(String description) {
		this.description = description;
	}

}
