package se.trygghetskartan.promise;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

}
