// zod schemas and types of this domain, used by the server's routes and the web app.
export {};
