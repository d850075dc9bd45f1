# The policykg explorer (and CLI), for use with Neo4j: see docker-compose.yml.
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY policykg policykg
COPY ontology ontology
COPY loaders loaders
COPY graph graph
COPY queries queries
COPY app app
COPY demo demo
RUN pip install --no-cache-dir .
EXPOSE 8501
# Inside the container the explorer must listen on all interfaces; compose publishes it on localhost.
CMD ["policykg", "serve", "--host", "0.0.0.0", "--port", "8501"]
