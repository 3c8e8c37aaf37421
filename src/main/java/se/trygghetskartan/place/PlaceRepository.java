package se.trygghetskartan.place;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlaceRepository extends JpaRepository<UnsafePlace, Long> {

}
