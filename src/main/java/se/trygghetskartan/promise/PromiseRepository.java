package se.trygghetskartan.promise;

import org.springframework.data.jpa.repository.JpaRepository;

interface PromiseRepository extends JpaRepository<Promise, Long> {

}
