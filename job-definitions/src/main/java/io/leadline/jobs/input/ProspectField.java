package io.leadline.jobs.input;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The standard facts a prospect list carries beside the email, which research uses when
 * present. Each field knows the header spellings it is recognised by, as compact
 * normalized keys (underscores removed, so "linkedInUrl", "LinkedIn URL" and
 * "linkedin_url" are one spelling), most telling first.
 */
public enum ProspectField {

	FIRST_NAME("first_name", "firstname", "first", "givenname", "forename", "prenom", "vorname", "nombre", "nome"),

	LAST_NAME("last_name", "lastname", "surname", "familyname", "last", "nom", "nomdefamille", "nachname",
			"familienname", "apellido", "apellidos", "cognome"),

	FULL_NAME("full_name", "fullname", "name", "contactname", "contact", "personname", "prospectname", "leadname",
			"nomcomplet", "vollstandigername", "nombrecompleto"),

	COMPANY("company", "company", "companyname", "organization", "organisation", "organizationname", "organisationname",
			"accountname", "account", "employer", "associatedcompany", "currentcompany", "companynameforemails",
			"entreprise", "societe", "nomdelentreprise", "nomentreprise", "raisonsociale", "firma", "firmenname",
			"unternehmen", "arbeitgeber", "empresa", "azienda"),

	TITLE("title", "title", "jobtitle", "position", "role", "jobrole", "designation", "currenttitle", "currentposition",
			"poste", "fonction", "titre", "intituledeposte", "intituleduposte", "jobtitel", "berufsbezeichnung",
			"funktion", "cargo", "puesto"),

	WEBSITE("website", "website", "companywebsite", "companydomain", "domain", "websiteurl", "companywebsiteurl",
			"regularcompanyurl", "web", "url", "homepage", "siteweb", "siteinternet", "sitewebentreprise", "webseite",
			"internetseite", "sitioweb"),

	LINKEDIN("linkedin", "linkedinurl", "personlinkedinurl", "linkedinprofileurl", "linkedinprofile", "profilelinkedin",
			"profillinkedin", "linkedinprofil", "linkedin", "profileurl", "salesnavigatorprofileurl"),

	LOCATION("location", "location", "personlocation", "city", "country", "region", "state", "geography", "address",
			"localisation", "ville", "pays", "standort", "ort", "stadt", "land", "ubicacion", "ciudad");

	private final String key;

	private final List<String> spellings;

	ProspectField(String key, String... spellings) {
		this.key = key;
		this.spellings = List.of(spellings);
	}

	/** The name callers use in overrides ({@code fields}, {@code --field}). */
	public String key() {
		return key;
	}

	List<String> spellings() {
		return spellings;
	}

	/**
	 * The field named {@code key} ("company", "first_name", "first-name", "First Name").
	 */
	public static Optional<ProspectField> ofKey(String key) {
		if (key == null) {
			return Optional.empty();
		}
		var wanted = HeaderNormalizer.normalize(key).replace("_", "");
		return Arrays.stream(values()).filter(field -> field.key.replace("_", "").equals(wanted)).findFirst();
	}

	static String keys() {
		return String.join(", ", Arrays.stream(values()).map(ProspectField::key).toList()).toLowerCase(Locale.ROOT);
	}

}
