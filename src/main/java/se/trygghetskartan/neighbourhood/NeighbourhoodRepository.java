package se.trygghetskartan.neighbourhood;

import org.springframework.data.jpa.repository.JpaRepository;

interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

	boolean existsBySlug(String slug);

}
