# syntax=docker/dockerfile:1
# Leadline's image: the app jar built from this repository, run as a non-root user.
#   docker build -t leadline .              (docker compose up --build does this for the stack)
#   docker run --rm leadline jobs           (any CLI command; the default is serve)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# why: the cache mount keeps Maven and the dependencies between builds, so a code change does not download them again
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# why: the compose health check calls curl; Temurin images ship it today, install it only if a future tag drops it
RUN command -v curl >/dev/null || { apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; }
RUN groupadd --system leadline \
 && useradd --system --gid leadline --home-dir /app --no-create-home --shell /usr/sbin/nologin leadline \
 && mkdir -p /app/data \
 && chown leadline:leadline /app/data \
 && printf '#!/bin/sh\nexec java ${JAVA_OPTS:-} -jar /app/leadline.jar "$@"\n' > /usr/local/bin/leadline \
 && chmod 755 /usr/local/bin/leadline
COPY --from=build /src/batch-app/target/leadline.jar /app/leadline.jar
WORKDIR /app
# why: logs (and the embedded database, when no LEADLINE_DB_URL is given) go here; the user owns it
ENV LEADLINE_DATA_DIR=/app/data
USER leadline
EXPOSE 8080
ENTRYPOINT ["leadline"]
CMD ["serve"]
