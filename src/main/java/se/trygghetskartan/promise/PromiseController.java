package se.trygghetskartan.promise;

import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.history.VersionedResourceController;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/promises")
class PromiseController extends VersionedResourceController<PromiseDraft, StoredJson> {

	PromiseController(PromiseService promises, GeometryService geometries) {
		super(promises, body -> PromiseDraft.read(body, geometries), MediaType.APPLICATION_JSON);
	}

}
