package se.trygghetskartan.neighbourhood;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

	boolean existsBySlug(String slug);

	Optional<Neighbourhood> findBySlug(String slug);

}
