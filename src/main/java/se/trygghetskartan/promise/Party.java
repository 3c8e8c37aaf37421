package se.trygghetskartan.promise;

/** Who makes a promise or a commitment. */
public enum Party {

	POLICE, MUNICIPALITY, JOINT

}
