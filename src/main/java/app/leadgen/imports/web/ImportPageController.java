package app.leadgen.imports.web;

import app.leadgen.imports.Field;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The „Import" page ({@code /imports}): every role sees the imports (VIEWER); uploading, mapping
 * and starting need MEMBER (the API decides, the page hides the upload for viewers).
 */
@Controller
class ImportPageController {

    @GetMapping("/imports")
    String imports(Model model) {
        model.addAttribute("nav", "imports");
        model.addAttribute(
                "fields", Arrays.stream(Field.values()).map(Field::json).toList());
        return "imports/index";
    }
}
