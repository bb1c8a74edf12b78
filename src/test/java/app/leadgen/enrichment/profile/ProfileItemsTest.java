package app.leadgen.enrichment.profile;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadgen.leads.ProfileData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Both output shapes of contracts §1: the spec's snake_case actor and the official camelCase one. */
class ProfileItemsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void snakeCaseItemOfTheEmailPhoneScraper() {
        ProfileData p = ProfileItems.read(
                json.readTree(
                        """
                {"username": "Some_Gym", "full_name": "Some Gym Berlin", "biography": "Personal training",
                 "public_email": "info@somegym.de", "contact_phone_number": "+4930123456",
                 "external_url": "https://somegym.de", "follower_count": 5400, "following_count": 310,
                 "media_count": 212, "is_verified": false, "city_name": "Berlin"}"""),
                "apify:x");

        assertThat(p)
                .isEqualTo(new ProfileData(
                        "some_gym",
                        "Some Gym Berlin",
                        "Personal training",
                        "info@somegym.de",
                        "+4930123456",
                        "https://somegym.de",
                        5400L,
                        310L,
                        212L,
                        false,
                        "apify:x"));
    }

    @Test
    void camelCaseItemOfTheOfficialProfileScraper() {
        ProfileData p = ProfileItems.read(
                json.readTree(
                        """
                {"inputUrl": "https://www.instagram.com/nasa", "username": "nasa", "fullName": "NASA",
                 "biography": "Exploring the universe", "externalUrl": "https://www.nasa.gov/",
                 "followersCount": 96323377, "followsCount": 80, "postsCount": 4519, "verified": true,
                 "businessCategoryName": "None,Entrepreneur"}"""),
                "apify:y");

        assertThat(p.username()).isEqualTo("nasa");
        assertThat(p.fullName()).isEqualTo("NASA");
        assertThat(p.website()).isEqualTo("https://www.nasa.gov/");
        assertThat(p.followers()).isEqualTo(96323377L);
        assertThat(p.email()).isNull();
        assertThat(p.verified()).isTrue();
    }

    @Test
    void usernameFromUrlWhenTheFieldIsMissing() {
        ProfileData p = ProfileItems.read(
                json.readTree("{\"URL\": \"https://www.instagram.com/anna.yoga/\", \"public_email\": \"\"}"), "s");
        assertThat(p.username()).isEqualTo("anna.yoga");
        assertThat(p.email()).isNull();
    }

    @Test
    void itemsWithoutAnyUsernameOrWithAnErrorAreSkipped() {
        assertThat(ProfileItems.read(json.readTree("{\"error\": \"not found\", \"url\": \"x\"}"), "s"))
                .isNull();
        assertThat(ProfileItems.read(json.readTree("{\"full_name\": \"x\"}"), "s"))
                .isNull();
        assertThat(ProfileItems.read(json.readTree("[1,2]"), "s")).isNull();
    }
}
