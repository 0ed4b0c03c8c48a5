/**
 * A small shop project for the docs tests: seeds, a source, staging and mart models (one ephemeral, one
 * disabled, one unrelated), generic and singular tests, and a description holding HTML-like text.
 * The source reads the table of the seed `raw_orders`, so `tb seed` must run before `tb build`.
 */
export const DOCS_PROJECT: Record<string, string> = {
  'project.yml': `name: shop
models:
  shop:
    +materialized: table
    staging:
      +tags: [staging]
`,
  'seeds/raw_orders.csv': 'id,customer_id,amount\n1,1,100\n2,1,250\n3,2,80\n',
  'seeds/customers.csv': 'id,name,ward\n1,Aki,中野\n2,Ben,杉並\n',
  'models/staging/stg_orders.sql': "select id as order_id, customer_id, amount from {{ ref('raw_orders') }}",
  'models/staging/stg_customers.sql': "select id as customer_id, name, ward from {{ ref('customers') }}",
  'models/staging/stg_payments.sql':
    "select id as payment_id, amount from {{ source('shop_raw', 'payments') }}",
  'models/marts/orders.sql': `select o.order_id, o.customer_id, c.name, o.amount
from {{ ref('stg_orders') }} o join {{ ref('stg_customers') }} c on c.customer_id = o.customer_id`,
  'models/marts/customer_totals.sql':
    "select customer_id, sum(amount) as total from {{ ref('orders') }} group by customer_id",
  'models/marts/big_orders.sql':
    "{{ config(materialized='ephemeral') }}select * from {{ ref('orders') }} where amount > 90",
  'models/marts/big_order_count.sql': "select count(*) as n from {{ ref('big_orders') }}",
  'models/marts/unrelated.sql': 'select 1 as x',
  'models/marts/retired.sql': "{{ config(enabled=false) }}select * from {{ ref('orders') }}",
  'models/marts/props.yml': `version: 2
models:
  - name: orders
    description: "One row per order. <b>bold</b> <img src=x onerror=\\"window.PWNED=1\\"> & more"
    columns:
      - name: ORDER_ID
        description: The order's id
        data_tests: [unique, not_null]
      - name: amount
        description: Yen, tax included
        data_type: integer
        data_tests:
          - accepted_values: {values: [100, 250, 80], quote: false, config: {severity: warn}}
      - name: ghost
        description: described here, absent from the table
        data_type: text
  - name: customer_totals
    description: Sum of the amounts per customer
sources:
  - name: shop_raw
    description: The shop's raw tables
    schema: main
    tables:
      - name: payments
        identifier: raw_orders
        description: Payments as the shop system writes them
        columns:
          - name: id
            data_type: bigint
`,
  'tests/amount_positive.sql': "select * from {{ ref('orders') }} where amount < 0",
};
