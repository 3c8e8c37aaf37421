package se.trygghetskartan.promise;

import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.history.VersionedResourceController;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/commitments")
class CommitmentController extends VersionedResourceController<CommitmentDraft, StoredJson> {

	CommitmentController(CommitmentService commitments, GeometryService geometries) {
		super(commitments, body -> CommitmentDraft.read(body, geometries), MediaType.APPLICATION_JSON);
	}

}
