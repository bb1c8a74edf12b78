package app.leadgen.products;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page „Produkte" ({@code /products}): the catalogue, adding, editing, deleting. */
@Controller
class ProductPageController {

    @GetMapping("/products")
    String page(Model model) {
        model.addAttribute("nav", "products");
        model.addAttribute("maxName", Products.MAX_NAME);
        model.addAttribute("maxDescription", Products.MAX_DESCRIPTION);
        model.addAttribute("maxUrl", Products.MAX_URL);
        return "products/index";
    }
}
