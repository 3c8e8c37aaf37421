package se.trygghetskartan.neighbourhood;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

@Entity
@Table(name = "neighbourhood")
class Neighbourhood {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private String description;

	private MultiPolygon geom;

	protected Neighbourhood() {
	}

	Neighbourhood(String slug, String name, String description, MultiPolygon geom) {
		this.slug = slug;
		this.name = name;
		this.description = description;
		this.geom = geom;
	}

}
