package se.trygghetskartan.neighbourhood;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

	boolean existsByMunicipalityIdAndSlug(long municipalityId, String slug);

	Optional<Neighbourhood> findByMunicipalityIdAndSlug(long municipalityId, String slug);

}
