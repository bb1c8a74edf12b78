package app.leadgen.imports;

import app.leadgen.websites.WebsitesProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link RowParser}s with the app's phone region ({@code PHONE_DEFAULT_REGION}), for the import run. */
@Component
public class RowParsers {

    private final String region;

    RowParsers(WebsitesProperties websites) {
        this.region = websites.phoneRegion();
    }

    public RowParser parser(List<String> header, Map<String, Field> mapping) {
        return new RowParser(header, mapping, region);
    }
}
