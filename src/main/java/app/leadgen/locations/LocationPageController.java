package app.leadgen.locations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page where the user keeps the locations and the daily schedule ({@code /locations}). */
@Controller
class LocationPageController {

    @GetMapping("/locations")
    String page(Model model) {
        model.addAttribute("categories", PlaceCategories.DEFAULTS);
        model.addAttribute("maxText", LocationEditor.MAX_TEXT);
        model.addAttribute("maxRadius", LocationEditor.MAX_RADIUS);
        model.addAttribute("defaultRadius", LocationEditor.DEFAULT_RADIUS);
        model.addAttribute("maxCategories", PlaceCategories.MAX_PER_LOCATION);
        model.addAttribute("nav", "locations");
        return "locations/index";
    }
}
