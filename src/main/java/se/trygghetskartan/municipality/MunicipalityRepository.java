package se.trygghetskartan.municipality;

import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalityRepository extends JpaRepository<Municipality, Long> {

}
