# The dashboard as one image: node builds dist/, nginx serves it and proxies the API.
#   docker build -t cekura-dashboard .
#   docker run --rm -p 8080:8080 -e CEKURA_API_URL=https://api.cekura.ai cekura-dashboard
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The official image renders /etc/nginx/templates/*.template with envsubst into conf.d at start.
FROM nginx:1.27-bookworm
ENV PORT=8080 \
    CEKURA_API_URL=https://api.cekura.ai \
    CLIENT_MAX_BODY_SIZE=512m \
    STATIC_ROOT=/usr/share/nginx/html \
    NGINX_CA_CERTIFICATES=/etc/ssl/certs/ca-certificates.crt \
    NGINX_ENVSUBST_FILTER=^(PORT|CEKURA_API_URL|CLIENT_MAX_BODY_SIZE|STATIC_ROOT|NGINX_CA_CERTIFICATES)$
RUN rm -f /etc/nginx/conf.d/default.conf
COPY deploy/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
