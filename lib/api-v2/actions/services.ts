import { listCatalog } from "@/lib/catalog";
import { defineAction } from "../action-definition";

export const servicesAction = defineAction({
  name: "services",
  summary: "Every service you can order, at your prices (rate per 1000 units; for packages, per package).",
  variants: [
    {
      title: "list services",
      fields: [],
      answer: [
        { service: 1, name: "Instagram Followers [Refill 30D]", type: "Default", category: "Instagram", rate: "0.900000", min: "100", max: "10000", refill: true, cancel: true, dripfeed: true },
        { service: 2, name: "Facebook Custom Comments", type: "Custom Comments", category: "Facebook", rate: "4.000000", min: "10", max: "1500", refill: false, cancel: false, dripfeed: false, description: "Start: 0-2h" },
      ],
    },
  ],
  async handle({ db, customerId }) {
    const categories = await listCatalog(db, { customerId });
    return categories.flatMap(({ services }) =>
      services.map((service) => ({
        service: service.id,
        name: service.name,
        type: service.type,
        category: service.category,
        rate: service.sellRate,
        min: String(service.min),
        max: String(service.max),
        refill: service.refill,
        cancel: service.cancel,
        dripfeed: service.dripfeed,
        ...(service.description ? { description: service.description } : {}),
      })),
    );
  },
});
