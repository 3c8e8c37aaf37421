/**
 * Activities that feed the picture and fulfil commitments: safety walks (trygghetsvandringar) with
 * their route and stops, citizen dialogues, and police operations with a short public description.
 */
package se.trygghetskartan.activity;
