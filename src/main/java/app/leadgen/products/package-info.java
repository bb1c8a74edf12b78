/**
 * The product catalogue (seed 001): name, description, price and URL of what the agency offers, so a
 * campaign can name it in its mails ({@code {product.name}}, {@code {product.price}}, {@code
 * {product.url}}). Owns the table {@code products}, {@code /api/products} and the page „Produkte".
 * Its API is {@link app.leadgen.products.Products}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Products",
        allowedDependencies = {"accounts", "support"})
package app.leadgen.products;
