import { listProducts } from "@/lib/catalog";
import { defineAction } from "../action-definition";

export const productsAction = defineAction({
  name: "products",
  summary: "Digital products you can buy, at your prices (rate per unit).",
  variants: [
    {
      title: "list products",
      fields: [],
      answer: [
        { product: 1, name: "Netflix premium 1 month", rate: "2.500000", min: 1, max: 10, category: "Netflix", status: "In stock", inventory: 40, type: "Auto" },
        { product: 2, name: "Youtube premium 1 month", require: "Input your account", rate: "5.000000", min: 1, max: 1, category: "Youtube", status: "In stock", type: "Service" },
      ],
    },
  ],
  async handle({ db, customerId }) {
    const products = await listProducts(db, { customerId });
    return products.map((product) => ({
      product: product.id,
      name: product.name,
      ...(product.requireText ? { require: product.requireText } : {}),
      rate: product.sellRate,
      min: product.min,
      max: product.max,
      category: product.category,
      status: product.stockStatus,
      ...(product.inventory !== null ? { inventory: product.inventory } : {}),
      type: product.productType,
    }));
  },
});
